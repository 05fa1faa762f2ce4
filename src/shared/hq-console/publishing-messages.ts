import { fromRows } from '../i18n/rows';

/** Head office's publishing: the import reports' reasons and the refusals of the editors (price list, parts catalog). */
export const messages = fromRows([
  ['hq.publish.import.badPriceKind', '请填写 工时 或 费用', 'Write labor or fee'],
  ['hq.publish.import.badCategory', '没有这个品类（例如 手机、平板电脑，或留空表示所有品类）', 'No such category (e.g. phone, tablet; empty for every category)'],
  ['hq.publish.import.codeInFile', '编码在文件中重复（第 {row} 行）', 'Code repeated in the file (row {row})'],
  ['hq.publish.import.fileType', '请上传 .xlsx 或 .csv 文件（不超过 2 MB）', 'Upload an .xlsx or .csv file (2 MB at most)'],
  ['hq.publish.import.badRowsLeft', '文件中有错误行：请修正后重新上传，或确认只发布正确的行', 'The file has rows with errors: fix them and upload again, or confirm publishing only the good rows'],
  ['hq.publish.titleRequired', '请填写本次发布的说明', 'Say what this publication is'],
  ['hq.publish.unknownItem', '价目表中没有这个项目（可能已被他人修改，请刷新）', 'The price list has no such item (someone may have changed it: reload)'],
  ['hq.publish.staleList', '价目表在您修改期间已由 {who} 发布为第 {version} 版：请刷新后重新修改，以免覆盖', 'The price list was published as version {version} by {who} while you edited it: reload and edit again, so as not to overwrite it'],
  ['hq.publish.nothingChanged', '与已发布的内容相比没有变化，无需发布', 'Nothing differs from what is published: nothing to publish'],
  ['hq.publish.prices.templateName', '价目表导入模板', 'price-list-template'],
]);
