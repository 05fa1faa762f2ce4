/**
 * Warranty claims (保修索赔): at hand-back every line a warranty payer (maker, extended-warranty
 * provider, insurer) covers becomes a claim line at its list price, with the new parts' serials
 * and the removed part (linked to the old-parts bin, which ships it back to the brand). One
 * claim per payer and ticket; batches are a payer and a month. Synced, so head office sees them.
 */
import { excel } from '../lazy/libraries';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { Claim, ClaimPayer, ClaimStatus } from '../../shared/collection/schemas';
import { CLAIM_PAYERS } from '../../shared/collection/schemas';
import { t as tt } from '../../shared/i18n/translate';
import type { Ctx } from '../api/context';
import type { getAuthorizedQuote } from '../bench/quotes';
import type { TicketBasics } from '../bench/common';
import { prepared, statement } from '../db/statements';
import { shopClock } from '../shop/clock';
import type { DevicesTable } from '../db/intake-tables';
import { partsInDevice } from './reads';
import { shopSettings } from '../shop/settings';
import { CLAIM_DECISION_KIND } from './pulled';
import type { ClaimDecisionData } from '../../shared/hq-console/claims';
import type { WarrantyClaimLinesTable, WarrantyClaimsTable } from './tables';

type AuthorizedQuote = NonNullable<ReturnType<typeof getAuthorizedQuote>>;

/** A claim line that comes from no quote line: a 三包 return's refund the shop paid the customer. */
export interface ExtraClaimLine {
  payer: ClaimPayer;
  kind: string;
  description: string;
  amountFen: number;
  /** The unit or part the payer gets back. */
  removedSerial: string | null;
}

export function createClaimsForTicket(ctx: Ctx, t: TicketBasics, collectionId: string, q: AuthorizedQuote | null, extra: readonly ExtraClaimLine[] = []): string[] {
  const clock = shopClock(ctx.sqlite, ctx.clock.now());
  const period = clock.today.slice(0, 7);
  const parts = new Map(partsInDevice(ctx, t.id).map((p) => [p.partId, p]));
  const ids: string[] = [];
  for (const payer of CLAIM_PAYERS) {
    const lines = (q?.quote.lines ?? []).filter((l) => l.payers[payer] > 0);
    const more = extra.filter((x) => x.payer === payer && x.amountFen > 0);
    if (lines.length === 0 && more.length === 0) continue;
    const id = ctx.newId();
    const seq = (statement<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM warranty_claims WHERE period = ?`).get(period)!).n + 1;
    const number = `${clock.code}-W${period.slice(2, 4)}${period.slice(5, 7)}-${String(seq).padStart(4, '0')}`;
    const now = ctx.nowIso();
    const claimed = lines.reduce((s, l) => s + l.payers[payer], 0) + more.reduce((s, x) => s + x.amountFen, 0);
    prepared(
      ctx.sqlite,
      `INSERT INTO warranty_claims (id, number, payer, ticket_id, collection_id, period, status, claimed_fen, created_at, created_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
    ).run(id, number, payer, t.id, collectionId, period, claimed, now, ctx.session?.userId ?? null, now);
    const insertLine = prepared(
      ctx.sqlite,
      `INSERT INTO warranty_claim_lines (id, claim_id, position, quote_line_id, kind, sku, description, qty, unit_price_fen, amount_fen, new_serials_json, removed_serial, old_part_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    lines.forEach((l, i) => {
      const part = l.partId ? parts.get(l.partId) : undefined;
      const old = l.partId
        ? statement<{ id: string; serial: string }>(ctx.sqlite, `SELECT id, serial FROM old_parts WHERE ticket_id = ? AND part_id = ? ORDER BY created_at LIMIT 1`).get(t.id, l.partId)
        : undefined;
      // A custom line the technician marked covered tells the maker why it is theirs.
      const description = l.coverReason ? `${l.description} — ${l.coverReason}` : l.description;
      insertLine.run(ctx.newId(), id, i, l.id, l.kind, l.sku, description, l.qty, l.unitPriceFen, l.payers[payer], JSON.stringify(part?.serials ?? []), old?.serial || part?.removed[0] || null, old?.id ?? null);
    });
    more.forEach((x, i) => {
      insertLine.run(ctx.newId(), id, lines.length + i, null, x.kind, null, x.description, 1, x.amountFen, x.amountFen, '[]', x.removedSerial, null);
    });
    ids.push(id);
  }
  return ids;
}

/** A claim with its ticket number and device (CLAIM_SQL). */
type ClaimRowDb = Selectable<WarrantyClaimsTable> & { ticket_number: string } & Pick<Selectable<DevicesTable>, 'brand' | 'model' | 'imei' | 'serial'>;

const CLAIM_SQL = `SELECT c.*, t.number AS ticket_number, d.brand, d.model, d.imei, d.serial
  FROM warranty_claims c JOIN tickets t ON t.id = c.ticket_id JOIN devices d ON d.id = t.device_id`;

function toClaims(ctx: Pick<Ctx, 'sqlite'>, rows: ClaimRowDb[]): Claim[] {
  return rows.map((r) => {
    const lines = statement<Selectable<WarrantyClaimLinesTable> & { old_status: string | null }>(ctx.sqlite, `SELECT l.*, o.status AS old_status FROM warranty_claim_lines l LEFT JOIN old_parts o ON o.id = l.old_part_id WHERE l.claim_id = ? ORDER BY l.position`).all(r.id);
    const settledFen = r.paid_fen ?? r.approved_fen;
    const mark = statement<{ value: string }>(ctx.sqlite, `SELECT value FROM meta WHERE key = ?`).get(`hq:${CLAIM_DECISION_KIND}:${r.id}`);
    const d = mark ? (JSON.parse(mark.value) as ClaimDecisionData) : null;
    return {
      id: r.id,
      number: r.number,
      payer: r.payer,
      ticketId: r.ticket_id,
      ticketNumber: r.ticket_number,
      period: r.period,
      status: r.status,
      claimedFen: r.claimed_fen,
      approvedFen: r.approved_fen,
      paidFen: r.paid_fen,
      differenceFen: r.status === 'rejected' ? r.claimed_fen : settledFen === null ? null : r.claimed_fen - settledFen,
      rejectReason: r.reject_reason,
      note: r.note,
      device: `${r.brand} ${r.model}`.trim(),
      imei: r.imei,
      serial: r.serial,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      review: d ? { decision: d.decision, reason: d.reason, correctBy: d.correctBy, decidedAt: d.decidedAt, reviewer: d.reviewer, reference: d.reference } : null,
      lines: lines.map((l) => ({
        id: l.id,
        position: l.position,
        kind: l.kind,
        sku: l.sku,
        description: l.description,
        qty: l.qty,
        unitPriceFen: l.unit_price_fen,
        amountFen: l.amount_fen,
        newSerials: JSON.parse(l.new_serials_json) as string[],
        removedSerial: l.removed_serial,
        oldPartId: l.old_part_id,
        oldPartStatus: l.old_status,
      })),
    };
  });
}

export function listClaims(ctx: Pick<Ctx, 'sqlite'>, f: { payer?: ClaimPayer | undefined; status?: ClaimStatus | undefined; period?: string | undefined; ticketId?: string | undefined; limit: number }): Claim[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.payer) (where.push('c.payer = ?'), args.push(f.payer));
  if (f.status) (where.push('c.status = ?'), args.push(f.status));
  if (f.period) (where.push('c.period = ?'), args.push(f.period));
  if (f.ticketId) (where.push('(c.ticket_id = ? OR t.number = ?)'), args.push(f.ticketId, f.ticketId));
  // one cached statement per combination of filters (at most 16)
  const rows = statement<ClaimRowDb>(ctx.sqlite, `${CLAIM_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id DESC LIMIT ?`).all(...args, f.limit);
  return toClaims(ctx, rows);
}

export function getClaim(ctx: Pick<Ctx, 'sqlite'>, id: string): Claim | null {
  const r = statement<ClaimRowDb>(ctx.sqlite, `${CLAIM_SQL} WHERE c.id = ? OR c.number = ?`).get(id, id);
  return r ? toClaims(ctx, [r])[0]! : null;
}

const NEXT: Record<ClaimStatus, readonly ClaimStatus[]> = {
  draft: ['submitted', 'rejected'],
  submitted: ['approved', 'rejected'],
  approved: ['paid', 'rejected'],
  rejected: ['submitted'],
  paid: [],
};

export async function setClaimStatus(ctx: Ctx, input: { claimId: string; status: ClaimStatus; approvedFen?: number | undefined; paidFen?: number | undefined; reason: string }): Promise<Claim> {
  const c = getClaim(ctx, input.claimId);
  if (!c) throw new AppError('NOT_FOUND', { key: 'collection.error.unknownClaim', params: { id: input.claimId.slice(0, 40) } });
  // An enrolled shop's claims are decided at head office (its decisions arrive by pull): the shop submits and resubmits.
  if (input.status !== 'submitted' && shopSettings(ctx).enrolled) throw new AppError('RULE', { key: 'collection.error.claimDecidedByHq' });
  if (!NEXT[c.status].includes(input.status)) {
    throw new AppError('RULE', { key: 'collection.error.claimTransition', params: { from: tt(ctx.locale, `collection.claimStatus.${c.status}`), to: tt(ctx.locale, `collection.claimStatus.${input.status}`) } });
  }
  const now = ctx.nowIso();
  if (input.status === 'submitted') {
    // A resubmission says what was corrected (the note head office reads); the reason of the rejection is cleared.
    prepared(ctx.sqlite, `UPDATE warranty_claims SET status = 'submitted', submitted_at = ?, reject_reason = '', note = CASE WHEN ? <> '' THEN ? ELSE note END, updated_at = ? WHERE id = ?`).run(now, input.reason, input.reason, now, c.id);
  } else if (input.status === 'approved') {
    const approved = input.approvedFen ?? c.claimedFen;
    if (approved > c.claimedFen) throw new AppError('VALIDATION', { fields: [{ path: 'approvedFen', key: 'collection.validation.approvedOverClaimed' }] });
    prepared(ctx.sqlite, `UPDATE warranty_claims SET status = 'approved', approved_fen = ?, decided_at = ?, note = ?, updated_at = ? WHERE id = ?`).run(approved, now, input.reason, now, c.id);
  } else if (input.status === 'rejected') {
    prepared(ctx.sqlite, `UPDATE warranty_claims SET status = 'rejected', reject_reason = ?, decided_at = ?, updated_at = ? WHERE id = ?`).run(input.reason, now, now, c.id);
  } else {
    const paid = input.paidFen ?? c.approvedFen ?? c.claimedFen;
    prepared(ctx.sqlite, `UPDATE warranty_claims SET status = 'paid', paid_fen = ?, paid_at = ?, note = CASE WHEN ? <> '' THEN ? ELSE note END, updated_at = ? WHERE id = ?`).run(paid, now, input.reason, input.reason, now, c.id);
  }
  await ctx.audit('claims.setStatus', 'warranty_claim', c.id, { from: c.status, to: input.status, approvedFen: input.approvedFen, paidFen: input.paidFen, reason: input.reason });
  return getClaim(ctx, c.id)!;
}

/** One row per claim line of a payer's month, for the payer's claim portal or spreadsheet. */
export async function exportClaims(ctx: Ctx, input: { payer: ClaimPayer; period: string; format: 'csv' | 'xlsx' }): Promise<{ fileName: string; mimeType: string; base64: string; rows: number }> {
  const claims = listClaims(ctx, { payer: input.payer, period: input.period, limit: 1000 });
  const L = ctx.locale;
  const head = ['claim', 'status', 'ticket', 'device', 'imei', 'serial', 'line', 'sku', 'description', 'qty', 'unitPrice', 'amount', 'newSerials', 'removedSerial', 'oldPartStatus'].map((k) =>
    tt(L, `collection.export.${k}`),
  );
  const yuan = (f: number | null) => (f === null ? '' : (f / 100).toFixed(2));
  const rows: (string | number)[][] = [];
  for (const c of claims) {
    for (const l of c.lines) {
      rows.push([c.number, tt(L, `collection.claimStatus.${c.status}`), c.ticketNumber, c.device, c.imei ?? '', c.serial ?? '', l.position + 1, l.sku ?? '', l.description, l.qty, yuan(l.unitPriceFen), yuan(l.amountFen), l.newSerials.join(' '), l.removedSerial ?? '', l.oldPartStatus ?? '']);
    }
  }
  const base = `claims-${input.payer}-${input.period}`;
  if (input.format === 'csv') {
    const cell = (v: string | number) => {
      const s = String(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const csv = '\ufeff' + [head, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
    return { fileName: `${base}.csv`, mimeType: 'text/csv', base64: Buffer.from(csv, 'utf8').toString('base64'), rows: rows.length };
  }
  const wb = new (excel().Workbook)();
  const ws = wb.addWorksheet(input.period);
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((col) => (col.width = 16));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: buf.toString('base64'), rows: rows.length };
}
