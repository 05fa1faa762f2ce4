import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/api/errors';
import { benchShop, newTicket, oldPhone, type BenchShop } from '../bench/helpers';
import { pdfText, squash, writePdf } from '../documents/pdf-tools';

/**
 * The till (issue 19 point 10): a drawer's opening float, paid-outs and cash drops, each with who
 * and why, counted into the daily close's expected cash. The figures are worked out by hand:
 * float ¥200.00 + the intake deposit ¥50.00 in cash − a courier ¥15.00 − ¥100.00 to the safe =
 * ¥135.00 expected in the drawer.
 */
let s: BenchShop;
beforeEach(async () => {
  s = await benchShop();
});
afterEach(async () => {
  await s.cleanup();
});

type Role = Parameters<BenchShop['as']>[0];
const call = <T = any>(role: Role, name: string, input: unknown) => s.backend.call(name as never, input as never, s.as(role)) as Promise<T>;
const count = (table: string, where = '1') => (s.backend.services.sqlite.prepare(`SELECT count(*) n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

async function refused(p: Promise<unknown>, code: string, key: string) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect([(e as AppError).key, ...(e as AppError).fields.map((f) => f.key)]).toContain(key);
}

describe('the till: float, paid-outs and drops in the daily close', () => {
  it('counts float + cash taken − paid-outs − drops as the expected cash, names who and why, and closes to a zero difference', async () => {
    await call('counter', 'dailyClose.recordCash', { kind: 'float', amountFen: 20000, reason: '开店备用金' });
    await newTicket(s, { ...oldPhone(), depositFen: 5000, confirmDuplicate: true } as never); // ¥50 cash deposit, the counter's drawer
    await call('counter', 'dailyClose.recordCash', { kind: 'payout', amountFen: 1500, reason: '快递费' });
    const mine = await call('counter', 'dailyClose.recordCash', { kind: 'drop', amountFen: 10000, reason: '存入保险柜' });
    expect(mine.scope).toBe('user');
    expect(mine.cash).toEqual({ takenFen: 5000, floatFen: 20000, payoutsFen: 1500, dropsFen: 10000, expectedFen: 13500 });

    const day = await call('manager', 'dailyClose.get', {});
    expect(day.cash.expectedFen).toBe(13500);
    expect(day.cashMovements.map((m: any) => [m.kind, m.amountFen, m.reason])).toEqual([
      ['float', 20000, '开店备用金'],
      ['payout', 1500, '快递费'],
      ['drop', 10000, '存入保险柜'],
    ]);
    expect(new Set(day.cashMovements.map((m: any) => m.byName))).toEqual(new Set([mine.userName]));
    // another person's drawer holds none of it
    const me = (await call('manager', 'auth.me', {})).user.id;
    const managers = await call('manager', 'dailyClose.get', { scope: 'user', userId: me });
    expect(managers.cash).toMatchObject({ floatFen: 0, payoutsFen: 0, dropsFen: 0 });

    // counted ¥135.00: no difference, no reason needed
    const closed = await call('manager', 'dailyClose.close', { date: day.date, countedCashFen: 13500, reason: '' });
    expect(closed.close).toMatchObject({ expectedCashFen: 13500, countedCashFen: 13500, differenceFen: 0 });
    // every movement goes to head office with the rest
    expect(count('outbox', `table_name = 'cash_movements'`)).toBe(3);
    // kept as written: a mistake is corrected by a new row, never by changing or deleting one
    const db = s.backend.services.sqlite;
    expect(() => db.prepare(`UPDATE cash_movements SET amount_fen = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM cash_movements`).run()).toThrow(/append-only/);
  });

  it('refuses a movement without an amount or a reason, from a technician, or into a closed day — and writes nothing', async () => {
    await refused(call('counter', 'dailyClose.recordCash', { kind: 'payout', amountFen: 0, reason: '快递费' }), 'VALIDATION', 'collection.validation.cashAmountPositive');
    await refused(call('counter', 'dailyClose.recordCash', { kind: 'payout', amountFen: 500, reason: '   ' }), 'VALIDATION', 'collection.validation.cashReasonRequired');
    await expect(call('technician', 'dailyClose.recordCash', { kind: 'float', amountFen: 500, reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(count('cash_movements')).toBe(0);
    const day = await call('manager', 'dailyClose.get', {});
    await call('manager', 'dailyClose.close', { date: day.date, countedCashFen: 0, reason: '' });
    await refused(call('counter', 'dailyClose.recordCash', { kind: 'payout', amountFen: 500, reason: '快递费' }), 'RULE', 'collection.error.dayClosed');
    expect(count('cash_movements')).toBe(0);
  });

  it('prints the float, paid-outs and drops with their reasons on the daily close, in Chinese and English, on A5 and 80 mm', async () => {
    await call('counter', 'dailyClose.recordCash', { kind: 'float', amountFen: 20000, reason: '开店备用金' });
    await call('counter', 'dailyClose.recordCash', { kind: 'payout', amountFen: 1500, reason: '快递费' });
    const day = await call('manager', 'dailyClose.get', {});
    const out = path.resolve('test-results/collection-docs');
    fs.mkdirSync(out, { recursive: true });
    for (const [language, words] of [
      ['zh-CN', ['备用金', '现金支出', '开店备用金', '快递费', '¥200.00', '−¥15.00', '¥185.00']],
      ['en', ['Opening float', 'Paid out', '开店备用金', '快递费', '¥200.00', '−¥15.00', '¥185.00']],
    ] as const) {
      for (const format of ['a5', 'receipt80']) {
        const job = await call('manager', 'print.request', { docType: 'daily_close', entityId: day.date, format, language });
        const pdf = await call('manager', 'print.pdf', { jobId: job.id });
        const file = writePdf(Buffer.from(pdf.base64, 'base64'), `daily-close-till-${format}-${language}.pdf`);
        fs.copyFileSync(file, path.join(out, path.basename(file)));
        const text = squash(pdfText(file));
        for (const w of words) expect(text, `${language} ${format}: ${w}`).toContain(squash(w));
      }
    }
  });
});
