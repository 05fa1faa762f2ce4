import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/core';
import { dumpSynced } from '../../../src/core/sync/rows';
import { fetchTransport } from '../../../src/core/sync/transport';
import { PASSWORD } from '../../helpers/backend';
import { killChildren, spawnNode } from '../../helpers/child';
import { ManualClock } from '../../helpers/clock';
import { compareShop, enrolledShop, fastTempDir, openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { repairedPhone } from '../../helpers/nationwide';
import { imei, intakeInput } from '../intake/helpers';

/**
 * Restore from head office of a shop with real work in it (issue 16 point 3): tickets taken in
 * with photos, diagnosed with a photo, quoted, signed on screen, repaired, QC'd, paid and
 * collected, their events, payments and the pictures themselves. The shop is pushed to head
 * office, its PC dies, a new PC restores onto an empty folder through the CLI (a real process);
 * every synced row equals the original, and what is derived from them (the report projection)
 * too; the restored shop shows the photos, opens them and prints the signed quote.
 */
const pgAvailable = await sharedPostgres().then((p) => p !== null);
afterAll(() => stopSharedPostgres());
afterAll(() => killChildren());

// A 1×1 PNG: the customer's signature as the bench's canvas sends it.
const SIGNATURE = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const jpegThumb = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(3000)]);

describe.each(['sqlite', 'postgres'] as HqDialect[])('restore from head office of a shop with tickets, on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgAvailable;

  it.skipIf(skip)('intake → bench → collection, events, payments and photos come back row by row onto an empty folder', async () => {
    const hq = await openTestHq(dialect);
    const url = await hq.app.listen({ port: 0, host: '127.0.0.1' });
    const clock = new ManualClock();
    const shop = await enrolledShop(hq, { transport: fetchTransport, url, clock });
    try {
      // a collected paid repair and a warranty return still in the shop (the shared history helper)
      const phone = await repairedPhone(shop.backend, clock, { imei: imei(), serial: `RS${dialect}` });
      const login = async (role: string) => ({ token: (await shop.backend.call('auth.login', { username: role, password: PASSWORD })).token });
      // a third ticket: two intake photos with thumbnails, a diagnosis photo, a quote signed on screen
      const photos = [crypto.randomBytes(150_000), crypto.randomBytes(90_000)];
      const thumbs = [jpegThumb(), jpegThumb()];
      const r = await shop.backend.call(
        'tickets.intake',
        intakeInput({
          customer: { name: '赵恢复', phones: ['139 0013 9001'] },
          promisedDate: new Date(clock.now().getTime() + 7 * 24 * 3600_000).toISOString().slice(0, 10), // the clock has moved on with the history
          photos: photos.map((p, i) => ({ name: `intake-${i}.jpg`, mime: 'image/jpeg', dataBase64: p.toString('base64'), thumbBase64: thumbs[i]!.toString('base64'), caption: `外观${i}` })),
        }),
        await login('counter'),
      );
      const t3 = r.ticket!.id;
      const tech = await login('technician');
      await shop.backend.call('bench.claim', { ticketId: t3 }, tech);
      const diagPhoto = crypto.randomBytes(60_000);
      await shop.backend.call('bench.diagnose', { ticketId: t3, cause: '主板进液', findings: [], photos: [{ name: 'board.jpg', mime: 'image/jpeg', dataBase64: diagPhoto.toString('base64'), caption: 'diagnosis' }] } as never, tech);
      const wb = (await shop.backend.call('bench.quote.save', { ticketId: t3, lines: [{ kind: 'custom', description: '主板清洗', unitPriceFen: 30_000, reason: '进液不保' }], submit: true } as never, tech)) as { quote: { current: { id: string } } };
      await shop.backend.call('bench.authorize', { ticketId: t3, quoteId: wb.quote.current.id, method: 'signature', signerName: '赵恢复', signaturePng: SIGNATURE } as never, await login('counter'));

      const st = await shop.backend.call('sync.now', {}, await login('counter'));
      expect(st.lastError).toBeNull();
      expect(st.waiting).toBe(0);
      expect((await compareShop(hq, shop)).diff).toEqual([]);
      const sqlite = shop.backend.services.sqlite;
      const original = await shop.backend.services.db.connection().execute(async () => dumpSynced(sqlite));
      const facts = sqlite.prepare(`SELECT * FROM report_facts ORDER BY ticket_id`).all();
      const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      // what there is to restore, counted by hand: 3 tickets, 2 customers, 4 attachments (2 intake photos, 1 diagnosis photo, 1 signature), 4 pictures
      expect([count('tickets'), count('customers'), count('attachments'), count('attachment_blobs')]).toEqual([3, 2, 4, 4]);
      expect(count('ticket_events')).toBeGreaterThan(10);
      expect(count('payments')).toBeGreaterThanOrEqual(2); // deposit and settlement of the collected repair
      const detailBefore = await shop.backend.call('tickets.get', { id: t3 }, await login('counter'));
      await shop.backend.close(); // the PC dies

      const { enrollmentCode } = await hq.service.newEnrollmentCode(shop.hqShopId);
      const newPc = fastTempDir('fixpoint-newpc-');
      const cli = spawnNode(['src/server/cli.ts', 'restore-from-hq', '--data-dir', newPc, '--url', url, '--code', enrollmentCode, '--admin-user', 'boss', '--admin-password', 'new-pc-password']);
      expect(await cli.exited, cli.output()).toBe(0);
      expect(cli.output()).toMatch(/0 unresolved references/);

      const restored = openBackend({ dataDir: newPc, sync: { autoStart: false, transport: fetchTransport } });
      try {
        const rs = restored.services.sqlite;
        const back = await restored.services.db.connection().execute(async () => dumpSynced(rs));
        const differing = [...new Set([...original.keys(), ...back.keys()])].filter((k) => JSON.stringify(back.get(k)) !== JSON.stringify(original.get(k)));
        expect(differing).toEqual([]);
        expect(back.size).toBe(original.size);
        // derived by trigger from the restored rows: the report projection is the original's
        expect(rs.prepare(`SELECT * FROM report_facts ORDER BY ticket_id`).all()).toEqual(facts);
        expect(rs.pragma('integrity_check', { simple: true })).toBe('ok');

        const { token } = await restored.call('auth.login', { username: 'boss', password: 'new-pc-password' });
        const detail = await restored.call('tickets.get', { id: t3 }, { token });
        expect(detail.attachments).toEqual(detailBefore.attachments);
        // Staff accounts made in the shop are not at head office (README, restore from head office):
        // the events keep who did them by id, the names come back as placeholders.
        const withoutNames = (es: typeof detail.events) => es.map(({ userName: _n, ...e }) => e);
        expect(withoutNames(detail.events)).toEqual(withoutNames(detailBefore.events));
        expect(detail.events.map((e) => e.userName)).toEqual(detailBefore.events.map((e) => (e.userId ? `(${e.userId.slice(-6)})` : e.userName)));
        const opened = await restored.call('attachments.get', { id: detail.attachments.find((a) => a.name === 'intake-0.jpg')!.id }, { token });
        expect(Buffer.from(opened.dataBase64, 'base64').equals(photos[0]!)).toBe(true);
        // the collected ticket reads as collected, and the signed quote prints with its signature
        expect((await restored.call('tickets.get', { id: phone.tickets[0]!.id }, { token })).status).toBe('collected');
        const job = await restored.call('print.request', { docType: 'quote', entityId: t3, format: 'a4', language: 'zh-CN' } as never, { token });
        const pdf = Buffer.from((await restored.call('print.pdf', { jobId: job.id }, { token })).base64, 'base64');
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        await restored.close();
      }
    } finally {
      await shop.backend.close().catch(() => undefined);
      await hq.close();
    }
  }, 180_000);
});

describe('restore from head office of photos head office holds in the shape before schema 13', () => {
  it('a picture held inside its attachment row comes back as a blob, and head office is sent the new shape', async () => {
    const hq = await openTestHq('sqlite');
    const url = await hq.app.listen({ port: 0, host: '127.0.0.1' });
    const clock = new ManualClock();
    const shop = await enrolledShop(hq, { transport: fetchTransport, url, clock });
    try {
      const photo = crypto.randomBytes(80_000);
      const counter = { token: (await shop.backend.call('auth.login', { username: 'counter', password: PASSWORD })).token };
      const r = await shop.backend.call('tickets.intake', intakeInput({ photos: [{ name: 'old.jpg', mime: 'image/jpeg', dataBase64: photo.toString('base64') }] }), counter);
      expect((await shop.backend.call('sync.now', {}, counter)).waiting).toBe(0);
      const attId = r.ticket!.attachments[0]!.id;
      await shop.backend.close(); // the PC dies
      // Head office as a shop at schema 11 left it: the bytes inside the attachment row, no blob row.
      const Database = (await import('better-sqlite3')).default;
      const hqDb = new Database(hq.file!);
      const held = hqDb.prepare(`SELECT data FROM hq_rows WHERE table_name = 'attachments' AND row_id = ?`).pluck().get(attId) as string;
      const { thumb: _t, ...old } = JSON.parse(held) as Record<string, unknown>;
      hqDb.prepare(`UPDATE hq_rows SET data = ? WHERE table_name = 'attachments' AND row_id = ?`).run(JSON.stringify({ ...old, sha256: 'x', bytes: { $b: photo.toString('base64') } }), attId);
      hqDb.prepare(`DELETE FROM hq_rows WHERE table_name = 'attachment_blobs'`).run();
      hqDb.close();

      const { enrollmentCode } = await hq.service.newEnrollmentCode(shop.hqShopId);
      const newPc = fastTempDir('fixpoint-newpc-');
      const cli = spawnNode(['src/server/cli.ts', 'restore-from-hq', '--data-dir', newPc, '--url', url, '--code', enrollmentCode, '--admin-user', 'boss', '--admin-password', 'new-pc-password']);
      expect(await cli.exited, cli.output()).toBe(0);
      const restored = openBackend({ dataDir: newPc, sync: { autoStart: false, transport: fetchTransport } });
      try {
        const { token } = await restored.call('auth.login', { username: 'boss', password: 'new-pc-password' });
        const opened = await restored.call('attachments.get', { id: attId }, { token });
        expect(Buffer.from(opened.dataBase64, 'base64').equals(photo)).toBe(true);
        expect(opened.sha256).toBe(crypto.createHash('sha256').update(photo).digest('hex'));
        // the next sync sends the picture and the attachment in the new shape; head office then equals the shop
        const st = await restored.call('sync.now', {}, { token });
        expect(st.lastError).toBeNull();
        expect(st.waiting).toBe(0);
        const atHq = await hq.service.dumpShop(shop.hqShopId);
        expect(atHq.get(`attachments/${attId}`)).not.toHaveProperty('bytes');
        expect(atHq.has(`attachment_blobs/${opened.sha256}`)).toBe(true);
        expect((await compareShop(hq, { ...shop, backend: restored, dataDir: newPc })).diff).toEqual([]);
      } finally {
        await restored.close();
      }
    } finally {
      await shop.backend.close().catch(() => undefined);
      await hq.close();
    }
  }, 120_000);
});
