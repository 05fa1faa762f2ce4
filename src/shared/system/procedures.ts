import { z } from 'zod';
import { procedure } from '../api/contract';
import { ALL_STAFF, MANAGERS } from '../api/roles';
import { shopProfileSchema, shopSchema, shopSettingsPatchSchema, localeSchema } from '../shop/schemas';
import { newUserSchema, passwordSchema, pinSchema, sessionSchema, userSchema, usernameSchema } from '../auth/schemas';
import { auditEntrySchema } from '../audit/schemas';
import { roleSchema } from '../api/roles';

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

/** Foundation procedures: system, first run, sign-in, users, shop settings, audit. */
export const systemProcedures = {
  'system.ping': procedure({
    summary: 'No-op round trip (health check, benchmark baseline).',
    input: empty,
    output: z.object({ pong: z.literal(true) }),
    access: 'public',
    kind: 'query',
  }),
  'system.info': procedure({
    summary: 'Program and schema version, where the shop host listens and its LAN addresses.',
    input: empty,
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      host: z.object({ listening: z.string().nullable(), lanAddresses: z.array(z.string()) }),
    }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'setup.status': procedure({
    summary: 'Whether the shop has been set up; the first-run wizard shows when not.',
    input: empty,
    output: z.object({ setUp: z.boolean(), shopName: z.string().nullable(), language: localeSchema.nullable() }),
    access: 'public',
    kind: 'query',
  }),
  'setup.run': procedure({
    summary: 'First run: creates the shop and its admin, and signs the admin in. Refused once done.',
    input: z.object({
      shop: shopProfileSchema,
      admin: newUserSchema.omit({ role: true }),
    }).strict(),
    output: sessionSchema,
    access: 'public',
    kind: 'mutation',
  }),
  'auth.login': procedure({
    summary: 'Password sign-in. Five failures lock the account for five minutes.',
    input: z.object({ username: usernameSchema, password: z.string().min(1).max(200) }).strict(),
    output: sessionSchema,
    access: 'public',
    kind: 'mutation',
  }),
  'auth.pinSwitch': procedure({
    summary: 'Quick user switch on a shared counter PC with a PIN; same lockout as passwords.',
    input: z.object({ username: usernameSchema, pin: pinSchema }).strict(),
    output: sessionSchema,
    access: 'public',
    kind: 'mutation',
  }),
  'auth.switchList': procedure({
    summary: 'Active users with a PIN, for the quick-switch screen.',
    input: empty,
    output: z.array(z.object({ username: z.string(), displayName: z.string(), role: roleSchema })),
    access: 'public',
    kind: 'query',
  }),
  'auth.me': procedure({
    summary: 'The signed-in user and when the session expires.',
    input: empty,
    output: sessionSchema.omit({ token: true }),
    access: ALL_STAFF,
    kind: 'query',
  }),
  'auth.logout': procedure({
    summary: 'Ends the current session.',
    input: empty,
    output: ok,
    access: ALL_STAFF,
    kind: 'mutation',
  }),
  'auth.changePassword': procedure({
    summary: 'Changes one\'s own password (the current one is required).',
    input: z.object({ current: z.string().min(1), next: passwordSchema }).strict(),
    output: ok,
    access: ALL_STAFF,
    kind: 'mutation',
  }),
  'auth.setPin': procedure({
    summary: 'Sets one\'s own quick-switch PIN (password required).',
    input: z.object({ password: z.string().min(1), pin: pinSchema }).strict(),
    output: ok,
    access: ALL_STAFF,
    kind: 'mutation',
  }),
  'users.list': procedure({
    summary: 'All users of the shop.',
    input: empty,
    output: z.array(userSchema),
    access: MANAGERS,
    kind: 'query',
  }),
  'users.create': procedure({
    summary: 'Creates a user. Only an admin creates admins.',
    input: newUserSchema.strict(),
    output: userSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'users.update': procedure({
    summary: 'Changes a user\'s name or role, or disables/enables them (ends their sessions). Refused for a user head office provisioned (managedByHq).',
    input: z
      .object({
        id: z.string().min(1),
        displayName: z.string().trim().min(1).max(60).optional(),
        role: roleSchema.optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    output: userSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'users.resetPassword': procedure({
    summary: 'Sets a new password for a user, clears their lockout and ends their sessions. Refused for a user head office provisioned (managedByHq).',
    input: z.object({ id: z.string().min(1), password: passwordSchema }).strict(),
    output: ok,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'shop.get': procedure({
    summary: 'The shop and its settings.',
    input: empty,
    output: shopSchema,
    access: ALL_STAFF,
    kind: 'query',
  }),
  'shop.update': procedure({
    summary:
      'Changes shop settings (LAN access, language, tax, session timeout...). Audited. In a shop enrolled with head office, the settings head office manages (name, address, phone, hotline, time zone, currency, tax, session timeout) and the code are read-only: a changed value is refused, the same value passes.',
    input: shopSettingsPatchSchema,
    output: shopSchema,
    access: MANAGERS,
    kind: 'mutation',
  }),
  'audit.list': procedure({
    summary: 'The newest audit entries, newest first, paged by id.',
    input: z.object({ limit: z.number().int().min(1).max(500).default(100), before: z.string().optional() }).strict(),
    output: z.array(auditEntrySchema),
    access: MANAGERS,
    kind: 'query',
  }),
};
