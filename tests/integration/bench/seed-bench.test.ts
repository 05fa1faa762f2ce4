/**
 * The scale generator's bench (scripts/seed/bench.ts) on a small generated shop: what a user of
 * the reports relies on. Every ticket past diagnosis has a diagnosis and a quote; every ticket
 * that waited for approval and went on has an approved version whose authorization covers the
 * latest total (covered repairs: the intake consent, at no cost); quotes add up and list the
 * parts issued; QC results stand at the moves out of QC; time is logged by the credited
 * technician inside the ticket's received → ready span; the report projection and rollups stay
 * consistent; and the decisions are the warranty engine's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../../src/core';
import { verifyReportFacts } from '../../../src/core/reports/facts';
import { verifyReportRollups } from '../../../src/core/reports/rollups';
import { evaluateForDevice } from '../../../src/core/warranty/evaluate';
import { evaluationRequestFor } from '../../../src/shared/warranty/from-ticket';
import { evaluateRequestSchema } from '../../../src/shared/warranty/procedures';
import { seed } from '../../../scripts/seed';
import { tempDir } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';

// the generated history ends at the test clock's instant, never today
const clock = new ManualClock();

let dir: string;
let backend: Backend;
const count = (sql: string, ...params: unknown[]) => (backend.services.sqlite.prepare(sql).get(...params) as { n: number }).n;
const rows = <T>(sql: string, ...params: unknown[]) => backend.services.sqlite.prepare(sql).all(...params) as T[];

beforeAll(async () => {
  dir = tempDir('fixpoint-seed-');
  const file = await seed({ dataDir: dir, tickets: 2000, quiet: true, endMs: clock.now().getTime() });
  backend = openBackend({ file, clock });
}, 120_000);

afterAll(async () => {
  await backend?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('generated bench records', () => {
  it('writes every kind, with a warranty / paid / mixed mix', () => {
    for (const t of ['diagnoses', 'quotes', 'quote_lines', 'authorizations', 'qc_results', 'time_logs', 'bench_tickets', 'price_list_items']) {
      expect(count(`SELECT count(*) AS n FROM ${t}`), t).toBeGreaterThan(0);
    }
    // consent to messages asked at intake (issue 20): nine tickets in ten, seven in ten agreeing
    const consents = rows<{ consent: number; n: number }>(`SELECT consent, count(*) AS n FROM message_consents GROUP BY 1`);
    const tickets = count(`SELECT count(*) AS n FROM tickets`);
    const agreed = consents.find((c) => c.consent === 1)?.n ?? 0;
    expect(agreed + (consents.find((c) => c.consent === 0)?.n ?? 0)).toBeGreaterThan(tickets * 0.85);
    expect(agreed).toBeGreaterThan(tickets * 0.65);
    // one answer in twenty asks for English messages
    const english = count(`SELECT count(*) AS n FROM message_consents WHERE locale = 'en'`);
    expect(english).toBeGreaterThan(tickets * 0.03);
    expect(english).toBeLessThan(tickets * 0.07);
    const mix = Object.fromEntries(rows<{ m: number; n: number }>(`SELECT quote_mix AS m, count(*) AS n FROM report_facts GROUP BY 1`).map((r) => [r.m, r.n]));
    expect(mix[1]).toBeGreaterThan(0);
    expect(mix[2]).toBeGreaterThan(0);
    expect(mix[3]).toBeGreaterThan(0);
    // Warranty claims at intake mostly cost the customer nothing; the rest mostly pay.
    const claimed = rows<{ wc: number; zero: number; n: number }>(
      `SELECT t.warranty_claimed AS wc, sum(f.quote_mix = 1) AS zero, count(*) AS n FROM report_facts f JOIN tickets t ON t.id = f.ticket_id WHERE f.quote_mix > 0 GROUP BY 1`,
    );
    for (const c of claimed) expect(c.wc === 1 ? c.zero / c.n > 0.5 : c.zero / c.n < 0.2, `claimed=${c.wc}`).toBe(true);
    expect(count(`SELECT count(*) AS n FROM quotes WHERE version = 2`)).toBeGreaterThan(0);
    expect(rows<{ method: string }>(`SELECT DISTINCT method FROM authorizations ORDER BY 1`).map((r) => r.method)).toEqual(['intake_consent', 'paper', 'phone', 'signature']);
  });

  it('a quote for every ticket past diagnosis, written at the move out of it, after the diagnosis', () => {
    expect(
      count(`SELECT count(*) AS n FROM ticket_events e WHERE e.from_status = 'diagnosing' AND e.to_status <> 'cancelled'
        AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.ticket_id = e.ticket_id AND q.version = 1 AND q.created_at = e.at)`),
    ).toBe(0);
    expect(
      count(`SELECT count(*) AS n FROM ticket_events e WHERE e.from_status = 'diagnosing' AND e.to_status <> 'cancelled'
        AND NOT EXISTS (SELECT 1 FROM diagnoses d JOIN ticket_events s ON s.ticket_id = d.ticket_id AND s.to_status = 'diagnosing'
          WHERE d.ticket_id = e.ticket_id AND d.created_at BETWEEN s.at AND e.at)`),
    ).toBe(0);
  });

  it('every ticket past awaiting_approval has an approved version with an authorization covering the latest total', () => {
    const latest = `(SELECT l.customer_total_fen FROM quotes l WHERE l.ticket_id = t.id ORDER BY l.version DESC LIMIT 1)`;
    expect(count(`SELECT count(*) AS n FROM ticket_events e WHERE e.from_status = 'awaiting_approval'`)).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) AS n FROM tickets t WHERE EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.from_status = 'awaiting_approval')
        AND NOT EXISTS (SELECT 1 FROM authorizations a JOIN quotes q ON q.id = a.quote_id
          WHERE a.ticket_id = t.id AND a.decision = 'approved' AND a.method IN ('signature', 'phone', 'paper') AND a.total_fen = q.customer_total_fen AND q.customer_total_fen > 0
            AND max(a.total_fen, coalesce(a.cap_fen, 0)) >= ${latest}
            AND a.recorded_at = (SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.from_status = 'awaiting_approval'))`),
    ).toBe(0);
    // A covered repair went straight on: nothing to pay, the intake consent on its first version.
    expect(
      count(`SELECT count(*) AS n FROM tickets t WHERE EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.from_status = 'diagnosing' AND e.to_status = 'repairing')
        AND (${latest} <> 0 OR NOT EXISTS (SELECT 1 FROM authorizations a JOIN quotes q ON q.id = a.quote_id WHERE a.ticket_id = t.id AND a.method = 'intake_consent' AND q.version = 1))`),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM authorizations a LEFT JOIN attachments f ON f.id = a.attachment_id WHERE (a.method IN ('signature', 'paper')) <> (f.id IS NOT NULL)`)).toBe(0);
  });

  it('quotes add up, split every line between payers and list the parts the ticket was issued', () => {
    expect(
      count(`SELECT count(*) AS n FROM quotes q LEFT JOIN (SELECT quote_id, sum(amount_fen) AS a, sum(customer_fen) AS c, sum(maker_fen) AS m, count(*) AS k, max(position) AS p
          FROM quote_lines GROUP BY quote_id) l ON l.quote_id = q.id
        WHERE l.a IS NOT q.subtotal_fen OR l.c <> q.customer_fen OR l.m <> q.maker_fen OR q.customer_total_fen <> q.customer_fen - q.discount_fen OR l.k <> l.p`),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM quote_lines WHERE kind = 'part'`)).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) AS n FROM (SELECT ticket_id, part_id, -sum(qty) AS s FROM stock_movements WHERE ticket_id IS NOT NULL AND kind IN ('issue', 'return') GROUP BY 1, 2 HAVING s > 0) m
        WHERE NOT EXISTS (SELECT 1 FROM quote_lines l WHERE l.quote_id = (SELECT q.id FROM quotes q WHERE q.ticket_id = m.ticket_id ORDER BY q.version DESC LIMIT 1)
          AND l.part_id = m.part_id AND l.qty = m.s)`),
    ).toBe(0);
    const reasons = rows<{ reasons_json: string }>(`SELECT reasons_json FROM quote_lines LIMIT 50`).map((r) => JSON.parse(r.reasons_json) as Record<string, string[]>);
    for (const r of reasons) expect(Object.keys(r)).toEqual(['zh-CN', 'en']);
  });

  it('QC results at every move out of QC: a pass to ready, a failure with its reason back to repairing', () => {
    expect(
      count(`SELECT count(*) AS n FROM ticket_events e WHERE e.from_status = 'qc' AND NOT EXISTS (SELECT 1 FROM qc_results r
        WHERE r.ticket_id = e.ticket_id AND r.at = e.at AND r.passed = (e.to_status = 'ready') AND (r.passed = 1 OR r.fail_reason <> ''))`),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM qc_results`)).toBe(count(`SELECT count(*) AS n FROM ticket_events WHERE from_status = 'qc'`));
  });

  it('time logs belong to the credited technician and fall between received and ready', () => {
    expect(
      count(`SELECT count(*) AS n FROM time_logs l JOIN report_facts f ON f.ticket_id = l.ticket_id JOIN users u ON u.id = l.user_id
        WHERE l.user_id <> f.tech_id OR u.role NOT IN ('technician', 'manager', 'admin') OR l.started_at < f.received_at
          OR l.ended_at > coalesce(f.first_ready_at, ?) OR l.minutes NOT BETWEEN 15 AND 180
          OR unixepoch(l.ended_at) - unixepoch(l.started_at) <> l.minutes * 60`, clock.now().toISOString()),
    ).toBe(0);
    expect(count(`SELECT count(*) AS n FROM report_facts f WHERE f.first_ready_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM time_logs l WHERE l.ticket_id = f.ticket_id)`)).toBe(0);
  });

  it('the report projection and rollups are consistent; a report shows the quote mix and hours logged', async () => {
    const { sqlite } = backend.services;
    expect(verifyReportFacts(sqlite).mismatches).toEqual([]);
    expect(verifyReportRollups(sqlite)).toEqual([]);
    expect(sqlite.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
    const { token } = (await backend.call('auth.login', { username: 'wang', password: 'manager-demo' })) as { token: string };
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = (await backend.call('reports.run', { from: day(clock.now().getTime() - 3 * 365 * 86_400_000), to: day(clock.now().getTime()), groupBy: 'technician' }, { token })) as {
      mix: { quotes: { available: boolean; value: { warranty: number; paid: number; mixed: number } } };
      hoursLogged: { available: boolean; value: number };
    };
    expect(report.mix.quotes.available).toBe(true);
    expect(report.mix.quotes.value.warranty).toBeGreaterThan(0);
    expect(report.mix.quotes.value.paid).toBeGreaterThan(0);
    expect(report.hoursLogged.value).toBeGreaterThan(0);
  });

  it('the lines carry the warranty engine’s decision (first visits, on the send-in day)', async () => {
    const ctx = { ...backend.services, session: null, locale: 'zh-CN', nowIso: () => clock.now().toISOString() } as never;
    const sample = rows<Record<string, string | number | null>>(
      `SELECT t.*, date(t.received_at, '+8 hours') AS day, q.id AS qid FROM tickets t JOIN quotes q ON q.ticket_id = t.id
       WHERE q.version = (SELECT max(version) FROM quotes WHERE ticket_id = t.id) AND NOT EXISTS (SELECT 1 FROM tickets p WHERE p.device_id = t.device_id AND p.id < t.id)
       ORDER BY t.id LIMIT 150`,
    );
    expect(sample.length).toBeGreaterThan(50);
    for (const t of sample) {
      const d = backend.services.sqlite.prepare(`SELECT * FROM devices WHERE id = ?`).get(t.device_id) as Record<string, string | number | null>;
      const lines = rows<Record<string, string | number | null>>(`SELECT * FROM quote_lines WHERE quote_id = ? AND kind IN ('labor', 'part') ORDER BY position`, t.qid);
      const req = evaluationRequestFor(
        { id: String(d.id), category: String(d.category), purchasePriceFen: null, proofKind: d.proof_kind as 'invoice', invoiceDate: d.invoice_date as string | null,
          purchaseDate: d.purchase_date as string | null, factoryDate: d.factory_date as string | null },
        { faultCodes: JSON.parse(String(t.fault_codes_json)), sentIn: String(t.day), partsWaitDays: 0, warrantyClaimed: t.warranty_claimed === 1, findings: JSON.parse(String(t.findings_json)) },
        [],
        lines.map((l) => ({ id: `l${l.position}`, type: l.kind as 'labor' | 'part', part: l.warranty_part as string | null, price: Number(l.amount_fen) })),
      );
      req.today = String(t.day);
      let result: Awaited<ReturnType<typeof evaluateForDevice>> | null = null;
      try {
        result = await evaluateForDevice(ctx, evaluateRequestSchema.parse(req));
      } catch {
        result = null; // no policy for the category: every line is the customer's
      }
      for (const l of lines) {
        const i = result ? result.decision.lines.findIndex((x) => x.id === `l${l.position}`) : -1;
        const want = result
          ? { status: result.decision.lines[i]!.status, end: result.decision.lines[i]!.endDate, maker: result.decision.lines[i]!.payers.maker, zh: result.text.lines[i] }
          : { status: 'not_covered', end: null, maker: 0, zh: (JSON.parse(String(l.reasons_json)) as Record<string, string[]>)['zh-CN'] };
        expect({ status: l.status, end: l.end_date, maker: l.maker_fen, zh: (JSON.parse(String(l.reasons_json)) as Record<string, string[]>)['zh-CN'] }, `${t.number} line ${l.position}`).toEqual(want);
      }
    }
  });
});
