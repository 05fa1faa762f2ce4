import type { Kysely, Selectable } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import type { Role } from '../../shared/api/roles';
import type { User } from '../../shared/auth/schemas';
import type { DB, UsersTable } from '../db/schema';
import { hashSecret } from './passwords';
import { hqMark, hqMarks } from '../sync/hq-owned';

/** The pulled kind of the users head office provisions, and the mark the sync keeps for each (see sync/pulled-builtin). */
export const HQ_USERS = 'users';

export function toUser(row: Selectable<UsersTable>, managedByHq = false): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    disabled: row.disabled === 1,
    hasPin: row.pin_hash !== null,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    managedByHq,
  };
}

/** Whether head office provisioned this user (then its name, role, status and password are head office's). */
export async function isHqUser(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await hqMark(db, HQ_USERS, id)) !== undefined;
}

export async function hqUserIds(db: Kysely<DB>): Promise<Set<string>> {
  return new Set((await hqMarks(db, HQ_USERS)).keys());
}

/** The user as the API shows it, with whether head office manages it. */
export async function loadUser(db: Kysely<DB>, id: string): Promise<User> {
  return toUser(await getUserRow(db, id), await isHqUser(db, id));
}

/** Users provisioned by head office are managed there: the shop may not change them. */
export async function assertLocalUser(db: Kysely<DB>, id: string): Promise<void> {
  if (await isHqUser(db, id)) throw new AppError('RULE', { key: 'system.error.userManagedByHq', details: { managedByHq: true } });
}

export async function insertUser(
  db: Kysely<DB>,
  values: { id: string; username: string; displayName: string; role: Role; password: string; pin?: string; now: string },
  /** Where the user's fields sit in the caller's input ('admin.' in setup.run), so the error lands on the right field. */
  pathPrefix: string,
  /** Hashes made beforehand, outside the write transaction (scrypt is slow); otherwise made here. */
  hashes?: { password: string; pin: string | null },
): Promise<User> {
  const taken = await db.selectFrom('users').select('id').where('username', '=', values.username).executeTakeFirst();
  if (taken) throw fieldError(`${pathPrefix}username`, 'validation.usernameTaken');
  const row = {
    id: values.id,
    username: values.username,
    display_name: values.displayName,
    role: values.role,
    password_hash: hashes?.password ?? (await hashSecret(values.password)),
    pin_hash: hashes ? hashes.pin : values.pin ? await hashSecret(values.pin) : null,
    disabled: 0,
    failed_attempts: 0,
    locked_until: null,
    created_at: values.now,
    updated_at: values.now,
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function getUserRow(db: Kysely<DB>, id: string): Promise<Selectable<UsersTable>> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
