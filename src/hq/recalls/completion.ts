/**
 * A campaign's completion per shop, from what the shops synced: the devices each shop's records
 * hold that the campaign covers (the shared rule, the same as the counter's banner), the tickets
 * it recorded against the campaign (ticket_recalls), and of those the ones collected.
 *
 * Devices are found through the lookup's expression indexes when the campaign has ranges (an
 * IMEI range on both IMEI slots, a serial range on the serial); a campaign of models only reads
 * every device row once, filtered by model in SQL and by the rule in code.
 */
import { sql } from 'kysely';
import { jsonField } from '../db';
import type { HqService } from '../service';
import { recallCovers } from '../../shared/recalls/match';
import { normalizeName } from '../../shared/recalls/match';
import type { RecallCompletion, RecallShopCompletion } from '../../shared/hq-console/recalls';
import { findRecall } from './campaigns';

type Row = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function recallCompletion(s: HqService, recallId: string): Promise<RecallCompletion> {
  const campaign = await findRecall(s, recallId);
  const c = campaign.recall;
  const f = (field: string) => jsonField(s.store.dialect, field);
  const { db } = s;

  // Candidate devices: by range on the indexed identity fields, else by model.
  // Serials compare byte by byte, as the rule does: PostgreSQL's default collation may order letters,
  // digits and dashes otherwise, so there the serial range reads in "C" (IMEIs are digits of one length: any order agrees).
  const serial = s.store.dialect === 'postgres' ? sql`${f('serial')} COLLATE "C"` : f('serial');
  const ors = c.ranges.flatMap((r) =>
    r.field === 'imei' ? [sql`${f('imei')} BETWEEN ${r.from} AND ${r.to}`, sql`${f('imei2')} BETWEEN ${r.from} AND ${r.to}`] : [sql`${serial} BETWEEN ${r.from} AND ${r.to}`],
  );
  // upper(trim()) is normalizeName but for runs of inner spaces, which the shop's device form does not keep.
  const models = c.models.map(normalizeName);
  const where = ors.length > 0 ? sql<boolean>`(${sql.join(ors, sql` OR `)})` : sql<boolean>`upper(trim(${f('model')})) IN (${sql.join(models)})`;
  const deviceRows = await db.selectFrom('hq_rows').select(['shop_id', 'data']).where('table_name', '=', 'devices').where('deleted', '=', 0).where(where).execute();
  const seen = new Map<string, number>();
  for (const r of deviceRows) {
    const d = JSON.parse(r.data ?? '{}') as Row;
    if (recallCovers(c, { brand: str(d.brand), model: str(d.model), imei: str(d.imei), imei2: str(d.imei2), serial: str(d.serial) })) seen.set(r.shop_id, (seen.get(r.shop_id) ?? 0) + 1);
  }

  // The tickets recorded against the campaign, and which of them were collected.
  const work = await db.selectFrom('hq_rows').select(['shop_id', 'data']).where('table_name', '=', 'ticket_recalls').where('deleted', '=', 0).where(sql<boolean>`${f('campaign_id')} = ${recallId}`).execute();
  const byShop = new Map<string, { tickets: Set<string>; last: string | null }>();
  for (const w of work) {
    const d = JSON.parse(w.data ?? '{}') as Row;
    const e = byShop.get(w.shop_id) ?? { tickets: new Set<string>(), last: null };
    e.tickets.add(str(d.ticket_id));
    const at = str(d.recorded_at) || null;
    if (at && (!e.last || at > e.last)) e.last = at;
    byShop.set(w.shop_id, e);
  }
  const ticketIds = [...new Set(work.map((w) => str((JSON.parse(w.data ?? '{}') as Row).ticket_id)))].filter((x) => x !== '');
  const collected = new Set<string>();
  for (let i = 0; i < ticketIds.length; i += 500) {
    const part = ticketIds.slice(i, i + 500);
    const rows = await db.selectFrom('hq_rows').select(['shop_id', 'row_id', 'data']).where('table_name', '=', 'tickets').where('row_id', 'in', part).where('deleted', '=', 0).execute();
    for (const t of rows) if (str((JSON.parse(t.data ?? '{}') as Row).status) === 'collected') collected.add(`${t.shop_id}\u0000${t.row_id}`);
  }

  const shops = await db.selectFrom('hq_shops').select(['id', 'code', 'name', 'pull_cursor', 'revoked_at']).orderBy('code').execute();
  const out: RecallShopCompletion[] = shops
    .filter((sh) => !sh.revoked_at || seen.has(sh.id) || byShop.has(sh.id))
    .map((sh) => {
      const w = byShop.get(sh.id);
      const tickets = w ? [...w.tickets] : [];
      return {
        shopId: sh.id,
        shopCode: sh.code,
        shopName: sh.name,
        devicesSeen: seen.get(sh.id) ?? 0,
        recorded: tickets.length,
        completed: tickets.filter((t) => collected.has(`${sh.id}\u0000${t}`)).length,
        pulled: Number(sh.pull_cursor ?? 0) >= campaign.change,
        lastRecordedAt: w?.last ?? null,
      };
    });
  const total = out.reduce((a, r) => ({ devicesSeen: a.devicesSeen + r.devicesSeen, recorded: a.recorded + r.recorded, completed: a.completed + r.completed }), { devicesSeen: 0, recorded: 0, completed: 0 });
  return { campaign, shops: out, total };
}
