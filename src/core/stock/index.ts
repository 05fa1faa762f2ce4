/**
 * Stock's core API for other capabilities (bench, collection, quotes). Every function runs
 * inside the caller's transaction on `ctx` (a handler's ctx in a mutation), validates before
 * it writes, and throws AppError (translated at the boundary) when it refuses.
 */
export { reserve, releaseReservation, releaseTicketReservations, reservedForTicket } from './reservations';
export { issueToTicket, returnFromTicket, issuedToTicket, receive, adjust, transferIn, transferOut, faultyReturn } from './operations';
export { loanerOutForTicket, assertNoLoanerOut, issueLoaner, returnLoaner } from './loaners';
export { availabilityOf, partRowForPicker } from './availability';
export { checkBalances, reorderList, valuation } from './reports';
export { postMovement, type StockCtx, type MovementDraft } from './ledger';
