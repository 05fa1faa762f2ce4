/**
 * What the editors share at head office: reading what head office last published of a kind
 * (the editor opens on it), and checking a draft with the kind's own schema so a refusal names
 * each bad field by its catalog key (translated in the console), before anything is published.
 */
import type { z } from 'zod';
import { HqError } from '../errors';
import type { HqContext } from '../context';
import { pulledKinds } from '../../shared/sync/kinds';
import { fieldIssues } from '../../shared/api/field-issues';
import type { PublishedItem } from '../../shared/hq-console/publishing-editors';

/** The live (not deleted) items of a kind in a scope ('*' or a shop id), as last published, by id; only `id`'s when given. */
export async function publishedItems<T>(ctx: HqContext, kind: string, scope: string, parse: (data: unknown) => T, id?: string): Promise<PublishedItem<T>[]> {
  let q = ctx.db.selectFrom('hq_items').select(['id', 'data', 'change_no', 'updated_at']).where('kind', '=', kind).where('scope', '=', scope).where('deleted', '=', 0);
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, data: parse(JSON.parse(r.data ?? 'null')), change: Number(r.change_no), publishedAt: r.updated_at }));
}

export async function publishedItem<T>(ctx: HqContext, kind: string, scope: string, id: string, parse: (data: unknown) => T): Promise<PublishedItem<T> | null> {
  return (await publishedItems(ctx, kind, scope, parse, id))[0] ?? null;
}

/** A VALIDATION refusal naming each field (dotted path under `prefix`) by its catalog key. */
export function fieldsRefusal(error: z.ZodError, prefix: string): HqError {
  const fields: Record<string, string> = {};
  // The message's parameters (a limit's minimum, maximum), so the console words it in full.
  const params: Record<string, Record<string, string | number>> = {};
  for (const i of fieldIssues(error)) {
    const path = [prefix, i.path === '(input)' ? '' : i.path].filter(Boolean).join('.');
    if (path in fields) continue;
    fields[path] = i.key;
    if (Object.keys(i.params).length > 0) params[path] = i.params;
  }
  const reason = Object.keys(fields).join(', ').slice(0, 200);
  return new HqError('VALIDATION', 400, `invalid: ${reason}`, { reason, fields, params });
}

/** The draft checked with the kind's schema (the one `publish` applies): its parsed form, or a refusal per field. */
export function checkKind<T>(kind: string, data: unknown, prefix: string): T {
  const r = pulledKinds[kind]!.data.safeParse(data);
  if (!r.success) throw fieldsRefusal(r.error, prefix);
  return r.data as T;
}
