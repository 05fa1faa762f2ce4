/** Yuan typed in a price list or an import file: the shared money module's parser. */
export { parseYuan } from '../money/parse';
export { fenToYuanText } from '../money/format';
