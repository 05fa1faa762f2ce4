/**
 * A push batch checked before anything is stored: compiled checks for the well-formed batch in
 * one pass, the zod schemas for the rest (they decide and word the refusal), then every row
 * against its table's shape at the shop's schema version; a bad row refuses the whole batch.
 */
import { HqError, malformed } from './errors';
import { fastPushRequest } from './fastcheck';
import { shapesAt } from './shapes';
import { pushRequestSchema, type PushRequest } from '../shared/sync/protocol';

export interface PushJob {
  shopId: string;
  batch: PushRequest;
  /** The batch's rows, each (table, id) once: its newest version. */
  rows: PushRequest['rows'];
  /** The rows of tables whose ids no two shops share (checked against other shops' rows). */
  owned: PushRequest['rows'];
  schema: number;
  app: string | null;
  now: string;
  /** The shop's outbox high-water mark it reported, stored with the batch (one commit, not two); null: none. */
  reported: number | null;
}

export function pushJob(shopId: string, body: unknown, schema: number, app: string | undefined, now: string, outbox?: string): PushJob {
  const shapes = shapesAt(schema);
  // Validation: the compiled checks accept a well-formed batch in one pass; anything they do not
  // accept goes through the zod schemas, which decide and word the refusal.
  const fast = fastPushRequest(body, shapes);
  let batch: PushRequest;
  if (fast) batch = fast;
  else {
    const req = pushRequestSchema.safeParse(body);
    if (!req.success) throw malformed(req.error);
    batch = req.data;
  }
  if (batch.shopId !== shopId) throw new HqError('WRONG_SHOP', 403, 'batch belongs to another shop');
  // Validate every row before touching anything: a bad row refuses the whole batch.
  const latest = new Map<string, PushRequest['rows'][number]>();
  const rawRows = fast ? null : rawRowsOf(body);
  for (const [i, row] of batch.rows.entries()) {
    const shape = shapes.get(row.t);
    if (!shape) throw new HqError('UNKNOWN_TABLE', 422, `unknown table ${row.t}`, { table: row.t });
    // A version beyond the batch would sit above everything acknowledged, and no later edit of
    // the row (after a restore, the shop continues above head office's sequence) could replace it.
    if (row.v < batch.fromSeq || row.v > batch.toSeq) {
      throw new HqError('VERSION_OUT_OF_BATCH', 422, `version ${row.v} of ${row.t}/${row.id} outside ${batch.fromSeq}..${batch.toSeq}`, {
        table: row.t,
        id: row.id.slice(0, 60),
        version: row.v,
        fromSeq: batch.fromSeq,
        toSeq: batch.toSeq,
      });
    }
    if (row.op === 'upsert') {
      if (!fast) {
        // The raw JSON's own keys: zod's record drops a `__proto__` key without a word.
        const unknown = Object.keys(rawRows?.[i] ?? {}).find((k) => !shape.columnNames.has(k));
        if (unknown !== undefined) {
          throw new HqError('ROW_INVALID', 422, `unknown column ${row.t}.${unknown}`, {
            table: row.t,
            id: row.id.slice(0, 60),
            reason: `unknown column ${unknown.slice(0, 60)}`,
          });
        }
        const parsed = shape.row.safeParse(row.d);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new HqError('ROW_INVALID', 422, `invalid row ${row.t}/${row.id}`, {
            table: row.t,
            id: row.id.slice(0, 60),
            reason: `${issue.path.join('.') || '(row)'}: ${issue.message}`.slice(0, 200),
          });
        }
      }
      if (String(row.d[shape.idColumn]) !== row.id) {
        throw new HqError('ROW_INVALID', 422, `row id mismatch ${row.t}/${row.id}`, { table: row.t, id: row.id.slice(0, 60), reason: `${shape.idColumn} ≠ id` });
      }
    }
    const key = `${row.t}\u0000${row.id}`;
    const prev = latest.get(key);
    if (!prev || prev.v < row.v) latest.set(key, row);
  }
  const rows = [...latest.values()];
  const reported = typeof outbox === 'string' && /^\d{1,15}$/.test(outbox) ? Number(outbox) : null;
  const job: PushJob = { shopId, batch, rows, owned: rows.filter((r) => shapes.get(r.t)!.globalIds), schema, app: app?.slice(0, 40) ?? null, now, reported };
  return job;
}

/** Each raw row's `d` object as received (before zod), by index; null where there is none. */
function rawRowsOf(body: unknown): (Record<string, unknown> | null)[] {
  const rows = (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return [];
  return rows.map((r) => {
    const d = (r as { d?: unknown } | null)?.d;
    return typeof d === 'object' && d !== null && !Array.isArray(d) ? (d as Record<string, unknown>) : null;
  });
}
