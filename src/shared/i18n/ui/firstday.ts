import type { Messages } from '../types';
import { fromRows } from '../rows';

/**
 * A shop's first day (the steps after the first-run wizard's shop and admin) and the one place
 * for the price list and the parts catalog in Settings. Written as [key, 中文, English].
 */
const rows: [string, string, string][] = [
  ['ui.firstday.title', '开店准备', 'Getting the shop ready'],
  ['ui.firstday.subtitle', '门店和管理员已创建。再花几分钟准备报价所需的资料；每一步都可以跳过，之后在“设置 → 价目表与配件目录 → 开店准备”里继续。', 'The shop and its admin are created. A few minutes more prepare what quotes need; every step can be skipped and resumed later under Settings → Price list & parts catalog → Getting ready.'],
  ['ui.firstday.later', '以后再说，进入系统', 'Later: open the app'],
  ['ui.firstday.skip', '跳过', 'Skip'],
  ['ui.firstday.done', '完成，进入系统', 'Done: open the app'],
  ['ui.firstday.finished', '准备完成。价目表、配件目录和账号随时可以在“设置 → 价目表与配件目录”和“设置 → 用户”里修改。', 'All set. The price list, the parts catalog and the accounts can be changed any time under Settings → Price list & parts catalog and Settings → Users.'],
  ['ui.firstday.step.categories', '维修类别', 'Categories'],
  ['ui.firstday.step.categoriesHint', '门店修哪些设备', 'What the shop repairs'],
  ['ui.firstday.step.prices', '价目表', 'Price list'],
  ['ui.firstday.step.pricesHint', '工时与费用', 'Labor and fees'],
  ['ui.firstday.step.parts', '配件目录', 'Parts catalog'],
  ['ui.firstday.step.partsHint', '从表格导入', 'Import from a sheet'],
  ['ui.firstday.step.staff', '员工账号', 'Staff accounts'],
  ['ui.firstday.step.staffHint', '店长、工程师、前台', 'Manager, technicians, counter'],
  ['ui.firstday.categories.intro', '勾选门店维修的设备类别，系统据此生成一份起步价目表（各类别的工时、检测费、加急费）。', 'Tick the device categories the shop repairs; a starter price list follows from them (labor per category, the diagnosis fee, the rush fee).'],
  ['ui.firstday.categories.presets', '国家三包规定的各类别保修规则已内置，无需设置（见“设置 → 三包与保修”）。', 'The national 三包 warranty rules of every category are built in: nothing to set up (see Settings → Warranty).'],
  ['ui.firstday.categories.create', '生成起步价目表', 'Create the starter price list'],
  ['ui.firstday.categories.created', '已添加 {n} 个收费项目', '{n, plural, one {# item added} other {# items added}}'],
  ['ui.firstday.categories.enrolled', '门店已接入总部：价目表由总部下发，这一步不需要。', 'The shop is enrolled with head office: the price list comes from head office, this step is not needed.'],
  ['ui.firstday.prices.intro', '起步价目表的价格是一线城市授权网点的常见价，点击价格即可修改；也可以在下方添加项目。', 'The starter prices are the going rates of an authorized counter in a tier-1 city; click a price to change it, or add items below.'],
  ['ui.firstday.parts.intro', '下载导入模板（Excel 或 CSV），按示例填好门店的配件后上传。有错误的行会逐行列出，可以只导入正确的行。', 'Download the import template (Excel or CSV), fill in the shop\'s parts as in the example rows, and upload it. Rows with errors are listed one by one; the good rows can be imported alone.'],
  ['ui.firstday.parts.enrolled', '门店已接入总部：配件目录由总部下发，同步后自动出现，无需导入。', 'The shop is enrolled with head office: the parts catalog comes from head office with the next sync, nothing to import.'],
  ['ui.firstday.staff.intro', '为店长、工程师和前台各建账号，之后日常工作不再需要管理员账号。店长也可以在“设置 → 用户”里添加账号。', 'Create accounts for the manager, the technicians and the counter, so daily work never needs the admin account. The manager can add accounts later under Settings → Users.'],
  ['ui.firstday.staff.add', '添加账号', 'Add account'],
  ['ui.firstday.staff.none', '还没有员工账号', 'No staff accounts yet'],
  ['ui.catalogPlace.tab', '价目表与配件目录', 'Price list & parts catalog'],
  ['ui.catalogPlace.intro', '报价所用的价目表和配件目录都在这里维护，由店长或管理员负责。', 'The price list and the parts catalog that quotes use are kept here, by a manager or the admin.'],
  ['ui.catalogPlace.tab.prices', '价目表', 'Price list'],
  ['ui.catalogPlace.tab.parts', '配件目录导入', 'Parts catalog import'],
  ['ui.catalogPlace.tab.start', '开店准备', 'Getting ready'],
  ['ui.catalogPlace.open', '到“设置 → 价目表与配件目录”修改', 'Edit under Settings → Price list & parts catalog'],
  ['ui.catalogPlace.emptyLabor', '价目表里还没有这类设备的工时项目', 'The price list has no labor items for this category yet'],
  ['ui.catalogPlace.emptyLaborWho', '店长在“设置 → 价目表与配件目录”里添加；现在可以先用下方的自定义项目。', 'A manager adds them under Settings → Price list & parts catalog; a custom line below works meanwhile.'],
  ['ui.catalogPlace.emptyParts', '配件目录是空的', 'The parts catalog is empty'],
  ['ui.catalogPlace.emptyPartsWho', '店长在“设置 → 价目表与配件目录”里导入配件目录。', 'A manager imports the parts catalog under Settings → Price list & parts catalog.'],
  ['ui.stock.import.template', '下载模板：', 'Download the template:'],
  ['ui.stock.import.templateXlsx', 'Excel（XLSX）', 'Excel (XLSX)'],
  ['ui.stock.import.templateCsv', 'CSV', 'CSV'],
  ['ui.bench.price.editHint', '点击价格修改', 'Click a price to change it'],
];

export const messages: Messages = fromRows(rows);
