/**
 * The publications log: newest first, and where each publication has arrived. A shop has a
 * publication once its pull cursor (where it stood after its last applied pull page) reaches the
 * publication's last change number and the publication is for every shop or for that one.
 */
import type { HqContext } from '../context';
import { HqError } from '../errors';
import type { HqPublicationsTable } from './migration';
import type { ArrivalState, HqPublication, PublicationArrival } from '../../shared/hq-console/publishing-log';

interface ShopRow {
  id: string;
  code: string;
  name: string;
  enrolled_at: string | null;
  revoked_at: string | null;
  pull_cursor: number | null;
  last_pull_at: string | null;
}

const shopsOf = (ctx: HqContext) => ctx.db.selectFrom('hq_shops').select(['id', 'code', 'name', 'enrolled_at', 'revoked_at', 'pull_cursor', 'last_pull_at']).orderBy('code').execute();

/** A shop's state for a publication meant for it (pure). */
export function arrivalState(shop: ShopRow, lastChange: number): ArrivalState {
  if (shop.revoked_at) return 'revoked';
  if (!shop.enrolled_at) return 'notEnrolled';
  return Number(shop.pull_cursor ?? 0) >= lastChange ? 'arrived' : 'waiting';
}

const meantFor = (p: Pick<HqPublicationsTable, 'scope'>, shops: readonly ShopRow[]) => (p.scope === '*' ? shops : shops.filter((s) => s.id === p.scope));

function toPublication(p: HqPublicationsTable, shops: readonly ShopRow[]): HqPublication {
  const states = meantFor(p, shops).map((s) => arrivalState(s, Number(p.last_change)));
  return {
    id: Number(p.id),
    kind: p.kind,
    scope: p.scope,
    shopCode: p.scope === '*' ? null : (shops.find((s) => s.id === p.scope)?.code ?? null),
    version: Number(p.version),
    title: p.title,
    actor: p.actor,
    actorName: p.actor_name,
    at: p.at,
    itemCount: Number(p.item_count),
    firstChange: Number(p.first_change),
    lastChange: Number(p.last_change),
    shopsArrived: states.filter((s) => s === 'arrived').length,
    shopsMeant: states.filter((s) => s === 'arrived' || s === 'waiting').length,
  };
}

export async function listPublications(ctx: HqContext, input: { limit: number; kind?: string | undefined }): Promise<HqPublication[]> {
  let q = ctx.db.selectFrom('hq_publications').selectAll().orderBy('id', 'desc').limit(input.limit);
  if (input.kind) q = q.where('kind', '=', input.kind);
  const [rows, shops] = await Promise.all([q.execute(), shopsOf(ctx)]);
  return rows.map((p) => toPublication(p, shops));
}

export async function publicationArrival(ctx: HqContext, publicationId: number): Promise<{ publication: HqPublication; shops: PublicationArrival[] }> {
  const p = await ctx.db.selectFrom('hq_publications').selectAll().where('id', '=', publicationId).executeTakeFirst();
  if (!p) throw new HqError('NO_PUBLICATION', 404, `no publication ${publicationId}`, { publicationId });
  const shops = await shopsOf(ctx);
  return {
    publication: toPublication(p, shops),
    shops: meantFor(p, shops).map((s) => ({ shopId: s.id, code: s.code, name: s.name, state: arrivalState(s, Number(p.last_change)), lastPullAt: s.last_pull_at })),
  };
}
