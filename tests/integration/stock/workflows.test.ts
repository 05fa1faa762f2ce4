import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import { assertNoLoanerOut, loanerOutForTicket } from '../../../src/core/stock';
import type { Ctx } from '../../../src/core/api/context';
import { PASSWORD, makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { count, makePart, makeTicket, movements, type Tokens } from './helpers';

let backend: Backend;
let tokens: Tokens;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock();
  ({ backend } = makeBackend({ clock }));
  tokens = await setupShop(backend);
});
afterEach(async () => backend?.close());

const wire = (name: string, input: unknown, token: string) => backend.callWire(name, input, { token, locale: 'en' });
const receive = (partId: string, qty: number, unitCost: number, serials: string[] = []) =>
  backend.call('stock.receive', { partId, qty, unitCost, supplier: '供应商', serials }, { token: tokens.counter });

describe('stocktake', () => {
  it('freezes expected counts, takes scans and typed counts per bin, shows variance value, posts once on approval', async () => {
    const a = await makePart(backend, tokens, { sku: 'BAT-1', barcode: '6901234567892' });
    const b = await makePart(backend, tokens, { sku: 'SCR-1' });
    const other = await makePart(backend, tokens, { sku: 'OTHER-1' });
    for (const [p, bin] of [[a, 'A-01'], [b, 'A-01'], [other, 'B-09']] as const) {
      await backend.call('stock.setSettings', { partId: p.id, bin, reorderPoint: 0, reorderQty: 0 }, { token: tokens.manager });
    }
    await receive(a.id, 5, 2000);
    await receive(b.id, 3, 10000);
    await receive(other.id, 1, 1);
    const st = await backend.call('stocktake.start', { bins: ['A-01'], note: '月底盘点' }, { token: tokens.counter });
    expect(st.totals.lines).toBe(2);
    // a sale after the freeze does not show as a loss
    const t = await makeTicket(backend, tokens);
    await backend.call('stock.issue', { partId: b.id, ticket: t.id, qty: 1 }, { token: tokens.technician });
    for (let i = 0; i < 4; i++) await backend.call('stocktake.count', { stocktakeId: st.id, code: '6901234567892', mode: 'add' }, { token: tokens.counter });
    await backend.call('stocktake.count', { stocktakeId: st.id, partId: b.id, qty: 4, mode: 'set' }, { token: tokens.counter });
    expect(await wire('stocktake.count', { stocktakeId: st.id, partId: other.id, qty: 1 }, tokens.counter)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const got = await backend.call('stocktake.get', { id: st.id, bin: 'A-01' }, { token: tokens.counter });
    expect(got.lines.map((l) => [l.sku, l.expected, l.counted, l.varianceQty, l.varianceValue])).toEqual([
      ['BAT-1', 5, 4, -1, -2000],
      ['SCR-1', 3, 4, 1, 10000],
    ]);
    expect(got.stocktake.totals).toMatchObject({ counted: 2, shortQty: 1, overQty: 1, value: 8000 });
    expect(await wire('stocktake.post', { id: st.id }, tokens.counter)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const before = movements(backend);
    const posted = await backend.call('stocktake.post', { id: st.id }, { token: tokens.manager });
    expect(posted.status).toBe('posted');
    expect(movements(backend)).toBe(before + 2);
    expect(await wire('stocktake.post', { id: st.id }, tokens.manager)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(movements(backend)).toBe(before + 2);
    expect((await backend.call('parts.get', { id: a.id }, { token: tokens.counter })).part.stock.onHand).toBe(4);
    expect((await backend.call('parts.get', { id: b.id }, { token: tokens.counter })).part.stock.onHand).toBe(3);
    expect((await backend.call('stock.checkBalances', {}, { token: tokens.manager })).ok).toBe(true);
  });
});

describe('faulty-part returns', () => {
  it('batch the old-parts bin into shipments; confirmation closes lines and never moves stock again', async () => {
    const part = await makePart(backend, tokens, { sku: 'CP-1' });
    const ticket = await makeTicket(backend, tokens);
    await receive(part.id, 3, 1500);
    await backend.call('stock.issue', { partId: part.id, ticket: ticket.id, qty: 1, removed: { serial: '', description: '尾插（旧）', toOldPartsBin: true } }, { token: tokens.technician });
    await backend.call('stock.faultyReturn', { partId: part.id, qty: 1, reason: '到货不良' }, { token: tokens.technician });
    await backend.call('oldParts.add', { ticket: ticket.number, serial: 'OLD-BAT-1', description: '电池（鼓包）' }, { token: tokens.technician });
    const bin = await backend.call('oldParts.list', { status: 'in_bin' }, { token: tokens.counter });
    expect(bin).toHaveLength(3);
    const onHand = (await backend.call('parts.get', { id: part.id }, { token: tokens.counter })).part.stock.onHand;
    expect(onHand).toBe(1);
    const before = movements(backend);

    const ship = await backend.call('shipments.create', { oldPartIds: bin.map((o) => o.id), carrier: '顺丰', trackingNo: 'SF1234567890', shippedOn: '2026-11-23' }, { token: tokens.counter });
    expect(ship).toMatchObject({ number: 'RS261123-01', status: 'shipped', lines: 3, confirmed: 0 });
    // a line cannot go out twice
    expect(await wire('shipments.create', { oldPartIds: [bin[0]!.id], carrier: 'x', trackingNo: 'y', shippedOn: '2026-11-23' }, tokens.counter)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    const partly = await backend.call('shipments.confirm', { shipmentId: ship.id, oldPartIds: [bin[0]!.id] }, { token: tokens.counter });
    expect(partly).toMatchObject({ status: 'shipped', confirmed: 1 });
    const again = await backend.call('shipments.confirm', { shipmentId: ship.id, oldPartIds: [bin[0]!.id] }, { token: tokens.counter });
    expect(again).toMatchObject({ status: 'shipped', confirmed: 1 });
    const closed = await backend.call('shipments.confirm', { shipmentId: ship.id }, { token: tokens.counter });
    expect(closed).toMatchObject({ status: 'closed', confirmed: 3 });
    await backend.call('shipments.confirm', { shipmentId: ship.id }, { token: tokens.counter });
    expect(movements(backend)).toBe(before);
    expect((await backend.call('parts.get', { id: part.id }, { token: tokens.counter })).part.stock.onHand).toBe(1);
    expect(await backend.call('oldParts.list', { status: 'confirmed' }, { token: tokens.counter })).toHaveLength(3);
  });
});

describe('loaners', () => {
  it('are serialized stock lent against a deposit; collection is blocked while out, a manager override is audited', async () => {
    const loaner = await makePart(backend, tokens, { sku: 'LN-P60', kind: 'loaner', serialized: true, category: 'loaner', listPrice: 0 });
    const part = await makePart(backend, tokens);
    await receive(loaner.id, 2, 150000, ['LN-0001', 'LN-0002']);
    const ticket = await makeTicket(backend, tokens);
    // a loaner is not a spare part, a part is not a loaner
    expect(await wire('stock.issue', { partId: loaner.id, ticket: ticket.id, qty: 1, serials: ['LN-0001'] }, tokens.technician)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await wire('loaners.issue', { partId: part.id, serial: 'X', ticket: ticket.id, depositFen: 0 }, tokens.counter)).toMatchObject({ ok: false, error: { code: 'RULE' } });

    const loan = await backend.call('loaners.issue', { partId: loaner.id, serial: 'LN-0001', ticket: ticket.number, depositFen: 50000 }, { token: tokens.counter });
    expect(loan).toMatchObject({ status: 'out', days: 0, ticketNumber: ticket.number, depositFen: 50000 });
    expect(await wire('loaners.issue', { partId: loaner.id, serial: 'LN-0001', ticket: ticket.id, depositFen: 0 }, tokens.counter)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    clock.advance(3 * 86_400_000);
    // sessions expired meanwhile: sign in again
    for (const role of ['counter', 'manager'] as const) tokens[role] = (await backend.call('auth.login', { username: role, password: PASSWORD })).token;
    const out = await backend.call('loaners.list', { status: 'out' }, { token: tokens.counter });
    expect(out).toMatchObject([{ serial: 'LN-0001', days: 3 }]);

    const ctxFor = (role: 'counter' | 'manager'): Ctx =>
      ({
        ...backend.services,
        session: { userId: (backend.services.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(role) as { id: string }).id, username: role, displayName: role, role, tokenHash: '' },
        nowIso: () => clock.now().toISOString(),
        audit: async (action: string, entity?: string | null, entityId?: string | null, details?: Record<string, unknown>) => {
          backend.services.sqlite
            .prepare(`INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, details_json) VALUES (?, ?, NULL, ?, ?, ?, ?)`)
            .run(backend.services.newId(), clock.now().toISOString(), action, entity ?? null, entityId ?? null, JSON.stringify(details ?? {}));
        },
      }) as unknown as Ctx;
    expect(loanerOutForTicket(ctxFor('counter'), ticket.id)).toMatchObject({ serial: 'LN-0001' });
    await expect(assertNoLoanerOut(ctxFor('counter'), ticket.id)).rejects.toMatchObject({ code: 'RULE', key: 'stock.errors.loanerOut' });
    await expect(assertNoLoanerOut(ctxFor('counter'), ticket.id, { override: true })).rejects.toMatchObject({ code: 'RULE' });
    await expect(assertNoLoanerOut(ctxFor('manager'), ticket.id, { override: true })).resolves.toBeUndefined();
    expect(count(backend, `SELECT count(*) n FROM audit_log WHERE action = 'stock.loanerOverride'`)).toBe(1);

    const back = await backend.call('loaners.return', { loanId: loan.id, note: '完好' }, { token: tokens.counter });
    expect(back).toMatchObject({ status: 'returned', days: 3 });
    expect(await wire('loaners.return', { loanId: loan.id }, tokens.counter)).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(loanerOutForTicket(ctxFor('counter'), ticket.id)).toBeNull();
    await expect(assertNoLoanerOut(ctxFor('counter'), ticket.id)).resolves.toBeUndefined();
    const ms = await backend.call('stock.movements', { partId: loaner.id }, { token: tokens.counter });
    expect(ms.map((m) => m.kind)).toEqual(['loan_in', 'loan_out', 'receive']);
    expect((await backend.call('stock.checkBalances', {}, { token: tokens.manager })).ok).toBe(true);
  });
});

describe('catalog import', () => {
  const header = 'SKU,名称,英文名称,类别,适用机型,品质,序列号管理,保修天数,零售价,成本,条码';
  const csv = (rows: string[]) => Buffer.from(`\ufeff${[header, ...rows].join('\r\n')}`).toString('base64');

  it('reports every bad row and imports nothing until the good rows are accepted', async () => {
    const content = csv([
      'HW-SCR-M60,Mate 60 Pro 屏幕总成,Mate 60 Pro display,screen,"Mate 60 Pro;Mate 60 Pro+",原厂,否,90,1299.00,980.50,',
      'HW-BAT-M60,Mate 60 Pro 电池,Mate 60 Pro battery,battery,Mate 60 Pro,认证,no,180,abc,,',
      'HW-BAT-M60,重复,,battery,,原厂,否,90,199,,',
      ',没有SKU,,battery,,原厂,否,90,199,,',
      'HW-MB-M60,Mate 60 Pro 主板,,mainboard,Mate 60 Pro,原厂,是,90,3200,,',
    ]);
    const first = await backend.call('parts.import', { fileName: 'catalog.csv', contentBase64: content }, { token: tokens.admin, locale: 'en' });
    expect(first).toMatchObject({ totalRows: 5, goodRows: 2, committed: false, created: 0 });
    expect(first.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'listPrice'],
      [4, 'sku'],
      [5, 'sku'],
    ]);
    expect(first.errors[0]!.message).toBe('Not an amount (e.g. 128.50)');
    expect(count(backend, 'SELECT count(*) n FROM parts')).toBe(0);

    const second = await backend.call('parts.import', { fileName: 'catalog.csv', contentBase64: content, acceptGoodRows: true }, { token: tokens.admin });
    expect(second).toMatchObject({ committed: true, created: 2 });
    const screen = await backend.call('parts.byCode', { code: 'HW-SCR-M60' }, { token: tokens.counter });
    expect(screen).toMatchObject({ listPrice: 129900, cost: 98050, models: ['Mate 60 Pro', 'Mate 60 Pro+'], grade: 'original', serialized: false });
    expect((await backend.call('parts.search', { q: 'Pro+' }, { token: tokens.counter })).map((p) => p.sku)).toEqual(['HW-SCR-M60']);
    // the catalog is the manager's or the admin's; the counter cannot import into it
    expect(await wire('parts.import', { fileName: 'catalog.csv', contentBase64: content }, tokens.counter)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('reads XLSX the same way and updates parts it already has', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('配件');
    ws.addRow(header.split(','));
    ws.addRow(['MI-SCR-14', '小米14 屏幕', 'Xiaomi 14 screen', 'screen', 'Xiaomi 14', '原厂', '否', 90, 899, 650.5, '6941812700011']);
    ws.addRow(['MI-BAT-14', '小米14 电池', '', 'battery', 'Xiaomi 14', 'certified', 'no', 180, '159.00', '', '']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await backend.call('parts.import', { fileName: 'parts.xlsx', contentBase64: content }, { token: tokens.admin });
    expect(r).toMatchObject({ totalRows: 2, goodRows: 2, errors: [], committed: true, created: 2 });
    expect(await backend.call('parts.byCode', { code: '6941812700011' }, { token: tokens.counter })).toMatchObject({ sku: 'MI-SCR-14', listPrice: 89900, cost: 65050 });
    const again = await backend.call('parts.import', { fileName: 'parts.xlsx', contentBase64: content }, { token: tokens.admin });
    expect(again).toMatchObject({ created: 0, updated: 2 });
    const missing = await wire('parts.import', { fileName: 'x.csv', contentBase64: Buffer.from('foo,bar\n1,2').toString('base64') }, tokens.admin);
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Required columns missing') } });
  });
});
