import { z } from 'zod';

export const ROLES = ['counter', 'technician', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ALL_STAFF: readonly Role[] = ROLES;
export const MANAGERS: readonly Role[] = ['manager', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];
