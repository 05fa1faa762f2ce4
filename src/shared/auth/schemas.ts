import { z } from 'zod';
import { roleSchema } from '../api/roles';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{2,32}$/, { message: 'validation.username' });
export const passwordSchema = z.string().min(8, { message: 'validation.password' }).max(200);
export const pinSchema = z.string().regex(/^\d{4,8}$/, { message: 'validation.pin' });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  hasPin: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  /** Provisioned by head office (enrolled shop): name, role, status and password are head office's; the PIN is the user's. */
  managedByHq: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  user: userSchema,
  /** When the session ends if nothing else happens (idle timeout, or its absolute lifetime if sooner). */
  expiresAt: z.string(),
  /**
   * Only from a password sign-in: the station secret of the caller's tab or window. The client
   * keeps it for that tab (sessionStorage; Electron main per window) and sends it with
   * auth.switchList and auth.pinSwitch (HTTP header x-fixpoint-station); it outlives the session.
   */
  station: z.string().optional(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(60),
  role: roleSchema,
  password: passwordSchema,
  pin: pinSchema.optional(),
});
