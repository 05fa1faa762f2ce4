/**
 * Money in one place: integer fen everywhere, parsed from what people type, formatted for the
 * reader, rounded and split exactly, tax worked out one way. Used by the renderer, the
 * documents and core alike.
 */
export { parseYuan, parseYuanInput, parsePercentBp, parseScaled, toHalfWidth, type ParsedAmount } from './parse';
export { MAX_FEN, fenAmountSchema, type FenMessages } from './limits';
export { formatFen, fenToYuanText } from './format';
export { mulDivFloor, mulDivRoundHalfUp, mulDivHalfUp, allocate, discountFromBp, taxSplit, type TaxSplit } from './arithmetic';
