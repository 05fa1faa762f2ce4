/**
 * The users head office provisions for a shop (kind users, scope the shop). A typed password is
 * hashed here with the shop's own scrypt (core/auth/passwords.ts) and only the hash is kept and
 * published (the kind's `passwordHash`); republishing without a new password keeps the last hash,
 * so a shop restored from head office still has it. The console never gets a hash back.
 */
import type { z } from 'zod';
import { HqError } from '../errors';
import type { HqContext } from '../context';
import type { Actor } from '../console/audit';
import { findShop } from '../shops';
import { hashSecret } from '../../core/auth/passwords';
import { hqUserSchema } from '../../shared/sync/kinds';
import { uuidv7Generator } from '../../shared/util/ids';
import type { PublishedItem } from '../../shared/hq-console/publishing-editors';
import type { ProvisionedUser, UserPublished, usersPublishSchema } from '../../shared/hq-console/publishing-users';
import { checkKind, publishedItems } from './editor-items';
import { publishAs } from './publish-as';

const USERS = 'users';
type HqUserData = z.output<typeof hqUserSchema>;
const userOf = (d: unknown) => hqUserSchema.parse(d);

function view(i: PublishedItem<HqUserData>): ProvisionedUser {
  const { passwordHash, ...u } = i.data;
  return { id: i.id, username: u.username, displayName: u.displayName, role: u.role, disabled: u.disabled, hasPassword: passwordHash !== undefined, change: i.change, publishedAt: i.publishedAt };
}

export async function listProvisioned(ctx: HqContext, shopId: string): Promise<ProvisionedUser[]> {
  const shop = await findShop(ctx, shopId);
  return (await publishedItems(ctx, USERS, shop.id, userOf)).map(view);
}

export async function publishProvisioned(ctx: HqContext, actor: Actor, input: z.output<typeof usersPublishSchema>): Promise<UserPublished> {
  const shop = await findShop(ctx, input.shopId);
  const existing = await publishedItems(ctx, USERS, shop.id, userOf);
  const { password, id: given, ...fields } = input.user;
  const before = given ? existing.find((u) => u.id === given) : undefined;
  if (given && !before) throw new HqError('NOT_FOUND', 404, `no provisioned user ${given}`, { field: 'user.id' });
  const id = given ?? uuidv7Generator({ now: () => ctx.now() })();
  // The shop signs in by name: two of head office's users of one shop may not share one.
  if (existing.some((u) => u.id !== id && u.data.username.toLowerCase() === fields.username.toLowerCase()))
    throw new HqError('CONFLICT', 409, `username ${fields.username} taken`, { field: 'user.username', reason: fields.username });
  const passwordHash = password ? await hashSecret(password) : before?.data.passwordHash;
  const data = checkKind<HqUserData>(USERS, { ...fields, ...(passwordHash ? { passwordHash } : {}) }, 'user');
  const r = await publishAs(ctx, actor, { kind: USERS, shopId: shop.id, items: [{ id, data }], title: input.title || `${shop.code}: ${data.username}` });
  const after = (await publishedItems(ctx, USERS, shop.id, userOf)).find((u) => u.id === id)!;
  return { ...r, user: view(after) };
}
