import type { Role } from '../api/roles';

/** Who handles parts day to day: receiving at the counter, issuing at the bench. */
export const STOCK_STAFF: readonly Role[] = ['counter', 'technician', 'manager', 'admin'];
/** Who issues parts to a ticket and takes them back: the bench (DESIGN: technicians issue parts), not the counter. */
export const PARTS_ISSUERS: readonly Role[] = ['technician', 'manager', 'admin'];
/** Who counts money-bearing corrections: adjustments, transfers, posting a stocktake. */
export const STOCK_MANAGERS: readonly Role[] = ['manager', 'admin'];
/** Who edits the catalog while the shop is not enrolled with head office (one list with the price list's). */
export { CATALOG_EDITORS } from '../api/roles';
/** Who hands out loaners and ships old parts: the counter and those who stand in for it. */
export const COUNTER_DESK: readonly Role[] = ['counter', 'manager', 'admin'];
