import type { Role } from '../api/roles';

/** Who works at the bench: technicians and the managers who stand in for them. */
export const BENCH_STAFF: readonly Role[] = ['technician', 'manager', 'admin'];
