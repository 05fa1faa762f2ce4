import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolledShop, openTestHq, type TestHq, type TestShop } from '../helpers/hq';
import { PASSWORD } from '../helpers/backend';
import { ManualClock } from '../helpers/clock';
import { imei, intakeInput } from '../integration/intake/helpers';
import { listen } from './hq-helpers';
import { fetchTransport } from '../../src/core/sync/transport';
import type { DeviceLookup } from '../../src/shared/sync/procedures';

/**
 * A curious or hostile shop asks head office about a device another shop repaired: it sees the
 * repair, but personal data the other shop's clerk and technician typed into free text (the
 * customer's mobile and landline, an ID card number, an e-mail) is masked before it leaves head
 * office. Real shops, real head office over HTTP, real procedures.
 */
describe('nationwide lookup: no personal data in free text leaves head office', () => {
  let hq: TestHq;
  let a: TestShop;
  let b: TestShop;
  const IMEI = imei();

  beforeAll(async () => {
    hq = await openTestHq('sqlite');
    const url = await listen(hq);
    const clock = new ManualClock();
    a = await enrolledShop(hq, { transport: fetchTransport, url, clock });
    b = await enrolledShop(hq, { transport: fetchTransport, url, clock: new ManualClock() });
    const promisedDate = new Date(clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const intake = await a.backend.call(
      'tickets.intake',
      intakeInput({
        device: { category: 'phone', brand: '小米', model: '14 Pro', imei: IMEI, colour: '白', purchaseDate: '2026-03-01', proof: { kind: 'invoice', invoiceNo: 'INV-9', invoiceDate: '2026-03-01', seller: '个人卖家 张伟 13712345678' } },
        fault: { text: '进水后不开机，客户李女士 139-2233-4455，单位座机 020-8765 4321，身份证 44010619880315242X，照片发 lina@example.com', codes: [] },
        promisedDate,
      } as never) as never,
      { token: a.tokens.counter },
    );
    const ticketId = (intake as { ticket: { id: string } }).ticket.id;
    const tech = { token: (await a.backend.call('auth.login', { username: 'technician', password: PASSWORD })).token };
    await a.backend.call('bench.claim', { ticketId }, tech);
    await a.backend.call('bench.diagnose', { ticketId, cause: '主板进水腐蚀；已电话 13922334455 告知客户', findings: [] }, tech);
    const st = await a.backend.call('sync.now', {}, { token: a.tokens.counter });
    expect(st.lastError).toBeNull();
  }, 120_000);
  afterAll(async () => {
    await a?.backend.close();
    await b?.backend.close();
    await hq?.close();
  });

  it('shop B sees the repair with the phone numbers, ID number and e-mail masked, the IMEI as it is', async () => {
    const r = (await b.backend.call('sync.lookupDevice', { imei: IMEI }, { token: b.tokens.counter })) as DeviceLookup;
    expect(r.online, JSON.stringify(r)).toBe(true);
    if (!r.online) return;
    expect(r.tickets).toHaveLength(1);
    const [t] = r.tickets;
    expect(t!.faultText).toBe('进水后不开机，客户李女士 ***，单位座机 ***，身份证 ***，照片发 ***');
    expect(t!.diagnosis).toBe('主板进水腐蚀；已电话 *** 告知客户');
    expect(r.registration?.seller).toBe('个人卖家 张伟 ***');
    expect(r.registration?.imei).toBe(IMEI);
    const wire = JSON.stringify(r);
    for (const secret of ['2233', '4455', '8765', '4321', '44010619880315242X', 'lina@', '13712345678', '13922334455']) expect(wire).not.toContain(secret);
  });
});
