import type Database from 'better-sqlite3';
import type { TicketRow } from '../../shared/tickets/schemas';
import { CLOSED_STATUSES, WORK_STATUSES, type TicketStatus } from '../../shared/tickets/statuses';
import { daysBetweenDates, localDate } from '../../shared/time/local-date';
import type { ShopClock } from '../shop/clock';
import { statement } from '../db/statements';
import { ticketCoverage } from '../../shared/tickets/coverage';
import type { Finding } from '../../shared/warranty/schemas';

/** The columns every ticket list reads: one join per row by primary key, nothing else. */
export const ROW_SELECT = `
  SELECT t.id, t.number, t.status, t.status_at, t.received_at, t.promised_date, t.service_type,
         t.warranty_claimed, t.deposit_fen, substr(t.fault_text, 1, 80) AS fault, t.passcode_state, t.findings_json,
         (SELECT q.customer_total_fen || ',' || (q.maker_fen + q.shop_fen + q.extended_warranty_fen + q.insurer_fen) FROM quotes q WHERE q.ticket_id = t.id ORDER BY q.version DESC LIMIT 1) AS q_split,
         EXISTS (SELECT 1 FROM sanbao_outcomes s WHERE s.ticket_id = t.id) AS sanbao,
         c.id AS c_id, c.name AS c_name,
         (SELECT display FROM customer_phones p WHERE p.customer_id = c.id ORDER BY p.position LIMIT 1) AS c_phone,
         d.id AS d_id, d.category, d.brand, d.model, d.imei, d.serial,
         u.id AS u_id, u.display_name AS u_name
  FROM tickets t
  JOIN customers c ON c.id = t.customer_id
  JOIN devices d ON d.id = t.device_id
  LEFT JOIN users u ON u.id = t.technician_id`;

export interface RawRow {
  id: string;
  number: string;
  status: string;
  status_at: string;
  received_at: string;
  promised_date: string;
  service_type: string;
  warranty_claimed: number;
  deposit_fen: number;
  fault: string;
  passcode_state: string;
  findings_json: string;
  q_split: string | null;
  sanbao: number;
  c_id: string;
  c_name: string;
  c_phone: string | null;
  d_id: string;
  category: string;
  brand: string;
  model: string;
  imei: string | null;
  serial: string | null;
  u_id: string | null;
  u_name: string | null;
}

/**
 * The repairer's own-delay limit (days) of each category's active default policy: past it
 * a 三包 customer may demand an exchange. Read once per list, not per row.
 */
export function legalLimits(sqlite: Database.Database): Map<string, number | null> {
  const rows = statement<{
    category: string;
    days: number | null;
  }>(sqlite, `SELECT category, json_extract(data_json, '$.repairerDelayDays') AS days FROM warranty_policies WHERE active = 1 AND category_default = 1`).all();
  return new Map(rows.map((r) => [r.category, r.days]));
}

/** Badges: days open (to closing for a closed ticket), days to the promise, overdue, days left to the legal repair limit. */
export function ticketFlags(
  clock: ShopClock,
  t: { status: string; status_at: string; received_at: string; promised_date: string; warranty_claimed?: number },
  legalLimitDays: number | null = null,
) {
  const received = localDate(new Date(t.received_at), clock.timeZone);
  const closed = CLOSED_STATUSES.includes(t.status as TicketStatus);
  const end = closed ? localDate(new Date(t.status_at), clock.timeZone) : clock.today;
  const daysToPromise = daysBetweenDates(clock.today, t.promised_date);
  const working = WORK_STATUSES.includes(t.status as TicketStatus);
  return {
    daysOpen: daysBetweenDates(received, end),
    daysToPromise,
    overdue: working && daysToPromise < 0,
    // only a warranty repair still in the shop runs against the statutory limit
    legalDaysLeft: working && t.warranty_claimed === 1 && legalLimitDays !== null ? legalLimitDays - daysBetweenDates(received, clock.today) : null,
  };
}

/** The label from the latest quote's split and a 三包 outcome (shared/tickets/coverage.ts). */
export function coverageOf(r: { warranty_claimed: number; findings_json: string; q_split: string | null; sanbao: number }) {
  const [customerFen, coveredFen] = r.q_split ? r.q_split.split(',').map(Number) : [];
  return ticketCoverage({
    warrantyClaimed: r.warranty_claimed === 1,
    findings: JSON.parse(r.findings_json) as Finding[],
    quote: r.q_split ? { customerFen: customerFen!, coveredFen: coveredFen! } : null,
    sanbao: r.sanbao === 1,
  });
}

export function toRow(clock: ShopClock, r: RawRow, limits: Map<string, number | null> = new Map()): TicketRow {
  return {
    id: r.id,
    number: r.number,
    status: r.status as TicketRow['status'],
    statusAt: r.status_at,
    receivedAt: r.received_at,
    promisedDate: r.promised_date,
    serviceType: r.service_type as TicketRow['serviceType'],
    warrantyClaimed: r.warranty_claimed === 1,
    coverage: coverageOf(r),
    depositFen: r.deposit_fen,
    faultSummary: r.fault,
    hasPasscode: r.passcode_state === 'given',
    customer: { id: r.c_id, name: r.c_name, phone: r.c_phone ?? '' },
    device: { id: r.d_id, category: r.category, brand: r.brand, model: r.model, imei: r.imei ?? '', serial: r.serial ?? '' },
    technician: r.u_id ? { id: r.u_id, displayName: r.u_name ?? '' } : null,
    flags: ticketFlags(clock, r, limits.get(r.category) ?? null),
  };
}

/**
 * The page's tickets are chosen first (filter, order, limit on tickets and its indexes alone),
 * then only those rows are joined: joining before the LIMIT would fetch the customer, device
 * and phone of every matching ticket just to throw most of them away.
 */
export function rowsWhere(sqlite: Database.Database, clock: ShopClock, where: string, params: unknown[], order = 't.id DESC', limit = 50): TicketRow[] {
  const raw = statement<RawRow>(sqlite, `${ROW_SELECT} WHERE t.n IN (SELECT t.n FROM tickets t WHERE ${where} ORDER BY ${order} LIMIT ?) ORDER BY ${order}`).all(...params, limit);
  const limits = legalLimits(sqlite);
  return raw.map((r) => toRow(clock, r, limits));
}
