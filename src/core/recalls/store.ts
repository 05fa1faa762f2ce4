/**
 * The shop's recall campaigns (as head office published them) and the tickets that do their work.
 * Published for tickets' intake (architecture test): the counter's accepted banners are recorded
 * in the intake's own transaction, so a ticket and its recall work commit together.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { recallSchema, type Recall } from '../../shared/recalls/schemas';
import { matchingRecalls } from '../../shared/recalls/match';
import type { TicketRecall } from '../../shared/recalls/procedures';
import type { Ctx } from '../api/context';
import { prepared, statement } from '../db/statements';

const parse = (id: string, json: string): Recall => recallSchema.parse({ ...(JSON.parse(json) as object), id });

/** The campaigns running today (start and end dates included), newest start first. */
export function activeRecalls(sqlite: BetterSqlite3.Database, today: string): Recall[] {
  return statement<{ id: string; data_json: string }, [string, string]>(
    sqlite,
    `SELECT id, data_json FROM recall_campaigns WHERE start_date <= ? AND end_date >= ? ORDER BY start_date DESC, code`,
  )
    .all(today, today)
    .map((r) => parse(r.id, r.data_json));
}

/**
 * Records the recall work the counter accepted at intake: each campaign must run today and cover
 * the ticket's device (the same rule the banner used), else the intake is refused at its field.
 */
export function recordRecallsAtIntake(ctx: Ctx, ticketId: string, deviceId: string, recallIds: readonly string[], today: string): void {
  if (recallIds.length === 0) return;
  const device = statement<{ brand: string; model: string; imei: string; imei2: string; serial: string }, [string]>(
    ctx.sqlite,
    `SELECT brand, model, imei, imei2, serial FROM devices WHERE id = ?`,
  ).get(deviceId)!;
  const hits = matchingRecalls(activeRecalls(ctx.sqlite, today), device, today);
  const now = ctx.nowIso();
  for (const id of new Set(recallIds)) {
    const hit = hits.find((h) => h.campaign.id === id);
    if (!hit) throw new AppError('VALIDATION', { fields: [{ path: 'recallIds', key: 'recalls.error.notCovered' }] });
    prepared(ctx.sqlite, `INSERT INTO ticket_recalls (id, ticket_id, campaign_id, campaign_code, device_id, matched_by, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      ctx.newId(),
      ticketId,
      id,
      hit.campaign.code,
      deviceId,
      hit.by,
      now,
      ctx.session?.userId ?? null,
    );
  }
}

/** The recall work recorded on a ticket, with the campaign as the shop still has it (null once withdrawn). */
export function ticketRecalls(sqlite: BetterSqlite3.Database, ticketId: string): TicketRecall[] {
  return statement<{ campaign_id: string; campaign_code: string; matched_by: TicketRecall['matchedBy']; recorded_at: string; data_json: string | null }, [string]>(
    sqlite,
    `SELECT r.campaign_id, r.campaign_code, r.matched_by, r.recorded_at, c.data_json
       FROM ticket_recalls r LEFT JOIN recall_campaigns c ON c.id = r.campaign_id
      WHERE r.ticket_id = ? ORDER BY r.recorded_at, r.id`,
  )
    .all(ticketId)
    .map((r) => ({ campaignId: r.campaign_id, code: r.campaign_code, matchedBy: r.matched_by, recordedAt: r.recorded_at, campaign: r.data_json ? parse(r.campaign_id, r.data_json) : null }));
}
