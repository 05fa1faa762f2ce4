/** The warranty engine's integer money helpers live in the shared money module. */
export { mulDivFloor, mulDivRoundHalfUp, allocate } from '../money/arithmetic';
