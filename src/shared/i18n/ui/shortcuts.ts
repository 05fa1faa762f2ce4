import type { Messages } from '../types';
import { fromRows } from '../rows';

/** The `?` overlay: every keyboard shortcut on one screen. [key, 中文, English]. */
const rows: [string, string, string][] = [
  ['ui.shortcuts.title', '键盘快捷键', 'Keyboard shortcuts'],
  ['ui.shortcuts.hint', '按 ? 随时打开此列表', 'Press ? at any time to open this list'],
  ['ui.shortcuts.button', '快捷键', 'Shortcuts'],
  ['ui.shortcuts.group.everywhere', '任何地方', 'Everywhere'],
  ['ui.shortcuts.group.intake', '受理', 'Intake'],
  ['ui.shortcuts.group.collection', '取机结算', 'Collection'],
  ['ui.shortcuts.group.bench', '维修', 'Bench'],
  ['ui.shortcuts.switchUser', '切换用户（PIN），按用户名首字母选中账号', 'Switch user (PIN); the first letter of a user name picks the account'],
  ['ui.shortcuts.benchScan', '在维修台扫描工单条码即打开该工单，光标落在下一步', 'At the bench, scan a ticket barcode to open it at its next step'],
  ['ui.shortcuts.diagnosis', '在故障原因栏回车保存检测', 'Enter in the cause field saves the diagnosis'],
  ['ui.shortcuts.benchSave', '保存当前卡片：检测、发送报价、记录客户同意、提交质检', 'Save the card you are in: diagnosis, send the quote, record the approval, submit QC'],
  ['ui.shortcuts.partScan', '在配件栏扫描配件条码即加入报价或领用', 'Scan a part barcode in a part field to add it to the quote or issue it'],
  ['ui.shortcuts.handBack', '工单已可取机时，扫码后回车进入取机结算', 'A ready ticket scanned: Enter opens its collection'],
  ['ui.shortcuts.sections', '切换功能区（前台、维修、库存、报表、设置）', 'Go to a section (counter, bench, stock, reports, settings)'],
  ['ui.shortcuts.search', '搜索客户、设备、工单', 'Search customers, devices and tickets'],
  ['ui.shortcuts.scanKey', '扫码枪', 'Scanner'],
  ['ui.shortcuts.scan', '扫描工单条码即打开该工单', 'Scan a ticket barcode to open the ticket'],
  ['ui.shortcuts.help', '显示此列表', 'Show this list'],
  ['ui.shortcuts.close', '关闭对话框或抽屉', 'Close a dialog or drawer'],
  ['ui.shortcuts.next', '下一项', 'Next field'],
  ['ui.shortcuts.pick', '在列表中选择，回车确认', 'Choose in a list, Enter to take it'],
  ['ui.shortcuts.condition', '外观检查：正常、异常、未检查；A 其余全部正常', 'Condition check: OK, fault, not checked; A all others OK'],
  ['ui.shortcuts.passcode', '锁屏密码：数字、字符、图案、无、客户拒绝提供', 'Screen lock: PIN, password, pattern, none, customer declined'],
  ['ui.shortcuts.accessories', '随机附件（按顺序）', 'Accessories received (in order)'],
  ['ui.shortcuts.service', '服务方式：送修、寄修、上门', 'Service type: carry-in, mail-in, on-site'],
  ['ui.shortcuts.promised', '承诺取机日期前后调一天', 'Promised date one day later or earlier'],
  ['ui.shortcuts.saveIntake', '保存受理', 'Save the intake'],
  ['ui.shortcuts.settle', '结算并交机', 'Settle and hand back'],
  ['ui.shortcuts.nextCustomer', '下一位客户', 'Next customer'],
];

export const messages: Messages = fromRows(rows);
