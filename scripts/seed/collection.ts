/**
 * Payments in the generated shop, set-based SQL (fast on a million tickets): the intake deposit
 * of every ticket that took one, and at collection what the latest quote leaves the customer to
 * pay after the deposit (warranty repairs mostly cost nothing), or the deposit handed back when it
 * was more, with tenders in a counter's usual mix. Same columns as the app writes: the reports
 * read revenue by tender from here. Then the till's floats, paid-outs and drops of each drawer.
 */
import type { SeedContext, SeedStep } from './context';

/** One hex digit of the ticket id (0–15) at a 1-based position. */
const h = (pos: number) => `(instr('0123456789abcdef', substr(t.id, ${pos}, 1)) - 1)`;

export const collectionSeedStep: SeedStep = {
  name: 'payments (deposits and settlements)',
  run(ctx: SeedContext) {
    const { sqlite } = ctx;
    sqlite.transaction(() => {
      // ids: the ticket's id with its last 4 hex digits swapped (unique, time-ordered, cheap).
      sqlite.exec(`
        INSERT INTO payments (id, ticket_id, kind, tender, amount_fen, received_fen, business_date, at, by_user_id, reason)
        SELECT substr(t.id, 1, 32) || 'd0d0', t.id, 'deposit', 'cash', t.deposit_fen, t.deposit_fen, date(t.received_at, '+8 hours'), t.received_at, t.received_by, 'intake'
        FROM tickets t WHERE t.deposit_fen > 0;
        WITH x AS MATERIALIZED (
          -- the tender drawn from the id's own hex digits: stable under SQLite's subquery flattening
          SELECT t.id, f.first_collected_at AS at, t.received_by AS by_user,
            (SELECT q.customer_total_fen FROM quotes q WHERE q.ticket_id = t.id ORDER BY q.version DESC LIMIT 1) - t.deposit_fen AS amount,
            CASE ${h(32)} WHEN 0 THEN 'transfer' WHEN 1 THEN 'card' WHEN 2 THEN 'card' WHEN 3 THEN 'card'
              WHEN 4 THEN 'cash' WHEN 5 THEN 'cash' WHEN 6 THEN 'cash' WHEN 7 THEN 'alipay' WHEN 8 THEN 'alipay' WHEN 9 THEN 'alipay' ELSE 'wechat' END AS tender
          FROM report_facts f JOIN tickets t ON t.id = f.ticket_id
          WHERE f.first_collected_at IS NOT NULL
        )
        INSERT INTO payments (id, ticket_id, kind, tender, amount_fen, received_fen, change_fen, reference, reason, business_date, at, by_user_id)
        SELECT substr(x.id, 1, 32) || CASE WHEN x.amount > 0 THEN 'e0e0' ELSE 'e1e1' END, x.id, CASE WHEN x.amount > 0 THEN 'settlement' ELSE 'refund' END,
          CASE WHEN x.amount > 0 THEN x.tender ELSE 'cash' END, x.amount, max(x.amount, 0), 0,
          CASE WHEN x.tender = 'cash' OR x.amount < 0 THEN '' ELSE upper(substr(x.id, 25, 12)) END,
          CASE WHEN x.amount > 0 THEN '' ELSE 'collection.reason.credit' END,
          date(x.at, '+8 hours'), x.at, x.by_user
        FROM x WHERE x.amount <> 0;
      `);
      // The till: each drawer that took cash on a day opened with a ¥500 float; a courier fee on
      // every fifth day of the month; notes to the safe when a drawer took over ¥2,000 in cash.
      // Ids: the drawer's first payment of the day (its ticket and whether deposit or settlement) with its own suffix.
      sqlite.exec(`
        WITH d AS MATERIALIZED (
          SELECT business_date, by_user_id, min(id) AS first_id, min(at) AS first_at, max(at) AS last_at, sum(amount_fen) AS cash_fen
          FROM payments WHERE tender = 'cash' AND by_user_id IS NOT NULL GROUP BY business_date, by_user_id
        )
        INSERT INTO cash_movements (id, business_date, kind, amount_fen, reason, by_user_id, at)
        SELECT substr(first_id, 1, 33) || 'fa0', business_date, 'float', 50000, '开店备用金', by_user_id, first_at FROM d
        UNION ALL
        SELECT substr(first_id, 1, 33) || 'fb0', business_date, 'payout', 1500, '快递费', by_user_id, last_at FROM d
          WHERE CAST(strftime('%d', business_date) AS INTEGER) % 5 = 0
        UNION ALL
        SELECT substr(first_id, 1, 33) || 'fc0', business_date, 'drop', 100000, '存入保险柜', by_user_id, last_at FROM d WHERE cash_fen > 200000;
      `);
    })();
    const n = (sqlite.prepare(`SELECT count(*) AS n FROM payments`).get() as { n: number }).n;
    const m = (sqlite.prepare(`SELECT count(*) AS n FROM cash_movements`).get() as { n: number }).n;
    ctx.log(`payments: ${n.toLocaleString('en')}, till movements: ${m.toLocaleString('en')}`);
  },
};
