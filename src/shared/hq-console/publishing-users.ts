/**
 * The console's provisioned users of a shop (kind users, per shop). A password typed here is
 * hashed (scrypt) at head office before it is stored or published: head office keeps only the
 * hash the kind defines, never the password; the console never reads a hash back.
 */
import { z } from 'zod';
import { roleSchema } from '../api/roles';
import { passwordSchema, usernameSchema } from '../auth/schemas';
import type { Role } from '../api/roles';
import type { EditorPublished } from './publishing-editors';

export const provisionedUserInputSchema = z
  .object({
    /** Absent for a new user. */
    id: z.string().min(1).max(100).optional(),
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(60),
    role: roleSchema,
    disabled: z.boolean().default(false),
    /** A new password; absent keeps the one head office set before (or none yet). */
    password: passwordSchema.optional(),
  })
  .strict();
export const usersPublishSchema = z.object({ shopId: z.string().min(1).max(100), user: provisionedUserInputSchema, title: z.string().trim().max(200).default('') }).strict();
export type ProvisionedUserInput = z.input<typeof provisionedUserInputSchema>;

export interface ProvisionedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  /** Whether head office has set a password (the shop cannot sign in as this user before). */
  hasPassword: boolean;
  change: number;
  publishedAt: string;
}
export type UserPublished = EditorPublished & { user: ProvisionedUser };
