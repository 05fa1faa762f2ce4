import type { Role } from '../api/roles';

/** Who registers customers, devices and intakes: the counter and those who stand in for it. */
export const FRONT_DESK: readonly Role[] = ['counter', 'manager', 'admin'];
/** Who may ever see a device passcode (a technician only on a ticket assigned to them). */
export const PASSCODE_READERS: readonly Role[] = ['technician', 'manager', 'admin'];
