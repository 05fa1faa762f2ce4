import { z } from 'zod';

export const ROLES = ['counter', 'technician', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ALL_STAFF: readonly Role[] = ROLES;
export const MANAGERS: readonly Role[] = ['manager', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];
/**
 * Who keeps the price list and the parts catalog while the shop is not enrolled (issue 19 point 2):
 * the manager, who sets the prices a shop quotes and answers for them; the admin too. Head office
 * owns both once the shop is enrolled.
 */
export const CATALOG_EDITORS: readonly Role[] = ['manager', 'admin'];
