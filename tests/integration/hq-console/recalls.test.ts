import { afterAll, describe, expect, it } from 'vitest';
import type { HqRecall, RecallCompletion } from '../../../src/shared/hq-console/recalls';
import type { HqDeviceLookup } from '../../../src/shared/hq-console/devices';
import type { AuditEntry } from '../../../src/shared/hq-console/contract';
import { AppError } from '../../../src/shared/api/errors';
import { openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { testDate } from '../../helpers/clock';
import { ConsoleClient, PASSWORDS, addUser, consoleHq, signedIn } from './console-client';
import { recallImei, recallShop } from './recalls-fixture';
import { pdfPages, pdfText, squash, writePdf } from '../documents/pdf-tools';

/**
 * Recall campaigns over real HTTP against real enrolled shops that sync: a service manager
 * defines a campaign (an IMEI range of one model), every shop pulls it; at one shop the counter
 * takes a covered phone in and records the campaign on the ticket, repairs and hands it back; the
 * other shop only has a covered phone in its records. Head office's completion per shop: devices
 * seen, tickets recorded, completed; a campaign of models only; the console's device lookup with
 * the campaigns covering the device; ending a campaign early. Campaign dates come from the test clock.
 */
const pgAvailable = (await sharedPostgres()) !== null;
afterAll(() => stopSharedPostgres());

const campaign = (over: Record<string, unknown> = {}) => ({
  code: 'RC-2026-11',
  titleZh: 'Mate 60 电池鼓包召回',
  titleEn: 'Mate 60 battery swelling recall',
  brand: '华为',
  models: ['Mate 60 Pro'],
  ranges: [{ field: 'imei', from: `${recallImei(100).slice(0, 14)}0`, to: `${recallImei(199).slice(0, 14)}9` }],
  action: 'replace_part',
  instructionsZh: '免费更换电池，旧电池单独封存寄回总部。',
  instructionsEn: 'Replace the battery free of charge; seal the old battery and return it to head office.',
  startDate: testDate(-7),
  endDate: testDate(60),
  ...over,
});

describe.each(['sqlite', 'postgres'] as HqDialect[])('recall campaigns on %s', (dialect) => {
  it.skipIf(dialect === 'postgres' && !pgAvailable)('defined at head office, pulled, recorded at intake, followed per shop', async () => {
    const hq = await openTestHq(dialect);
    try {
      const shop = await recallShop(hq);
      const other = await recallShop(hq);
      // Before the campaign: the other shop already had a covered phone in, and this shop an uncovered one.
      await other.intake({ imei: recallImei(120) });
      await shop.intake({ imei: recallImei(300) });

      const { base, token } = await consoleHq(hq);
      await addUser(token, 'wang', 'service_manager');
      await addUser(token, 'li', 'analyst');
      await addUser(token, 'zhao', 'claims_reviewer');
      const as = (name: string, locale = 'en') => signedIn(base, name, locale);
      const manager = await as('wang');
      const analyst = await as('li');
      const reviewer = await as('zhao', 'zh-CN');

      // Who may define: the analyst and the reviewer read, they do not define.
      expect((await analyst.call('recalls.save', { campaign: campaign() })).status).toBe(403);
      expect((await reviewer.call('recalls.save', { campaign: campaign() })).status).toBe(403);
      // Bad input: a translated refusal naming the fields.
      const bad = await manager.call('recalls.save', { campaign: campaign({ models: [], ranges: [], endDate: testDate(-30) }) });
      expect(bad.status).toBe(400);
      expect(bad.body.error!.details.fields).toEqual({ 'campaign.models': 'recalls.error.nothingCovered', 'campaign.endDate': 'recalls.error.endBeforeStart' });

      const saved = await manager.call<HqRecall>('recalls.save', { campaign: campaign() });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ state: 'running', createdBy: 'wang', recall: { code: 'RC-2026-11', action: 'replace_part' } });
      const recallId = saved.body.recall.id;
      const dup = await manager.call('recalls.save', { campaign: campaign({ titleZh: '另一个' }) });
      expect(dup.status).toBe(409);
      expect(dup.body.error!.details.field).toBe('campaign.code');
      expect((await manager.call('recalls.save', { id: 'nope', campaign: campaign({ code: 'RC-X1' }) })).status).toBe(404);
      const list = await reviewer.call<{ recalls: HqRecall[] }>('recalls.list');
      expect(list.body.recalls.map((r) => r.recall.code)).toEqual(['RC-2026-11']);

      // Not pulled yet: the shops do not know it.
      const before = (await analyst.call<RecallCompletion>('recalls.completion', { recallId })).body;
      expect(before.shops.map((s) => [s.shopCode, s.pulled])).toEqual(
        [[shop.code, false], [other.code, false]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );

      // The shops pull it; the counter sees it among today's campaigns.
      await shop.sync();
      await other.sync();
      const active = await shop.call('counter', 'recalls.active', {});
      expect(active.today).toBe(testDate(0));
      expect(active.recalls.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual([[recallId, 'RC-2026-11']]);

      // Intake of a covered phone with the banner accepted: the ticket records the campaign.
      const ticket = await shop.intake({ imei: recallImei(150) }, [recallId]);
      const recorded = await shop.call('counter', 'recalls.forTicket', { ticketId: ticket.number });
      expect(recorded).toMatchObject([{ campaignId: recallId, code: 'RC-2026-11', matchedBy: 'imei', campaign: { titleEn: 'Mate 60 battery swelling recall' } }]);
      // The intake receipt names the recall work, still on one A5 sheet.
      const job = await shop.call('counter', 'print.request', { docType: 'intake_receipt', entityId: ticket.id });
      const pdf = await shop.call('counter', 'print.pdf', { jobId: job.id });
      const file = writePdf(Buffer.from(pdf.base64, 'base64'), pdf.fileName);
      expect(squash(pdfText(file))).toContain(squash('召回活动 RC-2026-11 Mate 60 电池鼓包召回：更换部件'));
      expect(pdfPages(file).pages).toBe(1);
      // An uncovered phone cannot be recorded against it; nothing of that intake is saved.
      const tickets = () => (shop.backend.services.sqlite.prepare(`SELECT count(*) n FROM tickets`).get() as { n: number }).n;
      const n = tickets();
      const refused = await shop.intake({ imei: recallImei(250) }, [recallId]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).fields).toEqual([{ path: 'recallIds', key: 'recalls.error.notCovered' }]);
      expect(tickets()).toBe(n);

      await shop.sync();
      const mid = (await analyst.call<RecallCompletion>('recalls.completion', { recallId })).body;
      const row = (c: RecallCompletion, code: string) => c.shops.find((s) => s.shopCode === code)!;
      expect(row(mid, shop.code)).toMatchObject({ devicesSeen: 1, recorded: 1, completed: 0, pulled: true });
      expect(row(mid, other.code)).toMatchObject({ devicesSeen: 1, recorded: 0, completed: 0, pulled: true });

      // Repaired and handed back: completed.
      await shop.repairAndCollect(ticket.id);
      await shop.sync();
      const done = (await reviewer.call<RecallCompletion>('recalls.completion', { recallId })).body;
      expect(row(done, shop.code)).toMatchObject({ devicesSeen: 1, recorded: 1, completed: 1 });
      expect(done.total).toEqual({ devicesSeen: 2, recorded: 1, completed: 1 });

      // The nationwide device lookup: the phone's record and visit at this shop, and the campaign covering it.
      const lookup = await manager.call<HqDeviceLookup>('devices.lookup', { imei: recallImei(150) });
      expect(lookup.status).toBe(200);
      expect(lookup.body.lookup.devices.map((d) => [d.shop.code, d.matchedBy, d.shop.own])).toEqual([[shop.code, 'imei', false]]);
      expect(lookup.body.lookup.tickets.map((v) => [v.number, v.status])).toEqual([[ticket.number, 'collected']]);
      expect(lookup.body.recalls.map((r) => r.recall.code)).toEqual(['RC-2026-11']);
      expect((await reviewer.call<HqDeviceLookup>('devices.lookup', { imei: recallImei(300) })).body.recalls).toEqual([]); // uncovered, seen at this shop
      expect((await analyst.call('devices.lookup', { imei: recallImei(150) })).status).toBe(403);
      const badLookup = await manager.call('devices.lookup', { imei: '123' });
      expect(badLookup.status).toBe(400);
      expect(badLookup.body.error!.details.fields).toEqual({ imei: 'hq.lookup.error.imei' });
      expect((await manager.call('devices.lookup', {})).body.error!.details.fields).toEqual({ imei: 'hq.lookup.error.one' });

      // A campaign of models only: every Mate 60 Pro in the shops' records (the refused intake saved none).
      const byModel = await manager.call<HqRecall>('recalls.save', { campaign: campaign({ code: 'RC-MODEL', brand: '', models: ['mate 60  pro'], ranges: [] }) });
      expect(byModel.status).toBe(200);
      const models = (await analyst.call<RecallCompletion>('recalls.completion', { recallId: byModel.body.recall.id })).body;
      expect([row(models, shop.code).devicesSeen, row(models, other.code).devicesSeen, models.total.recorded]).toEqual([2, 1, 0]);

      // A serial range (with a dash, compared byte by byte on both engines): the other shop's phone with serial SN-0150.
      await other.intake({ imei: recallImei(400), serial: 'SN-0150' });
      await other.intake({ imei: recallImei(401), serial: 'SN-150' }); // shorter: another series
      await other.sync();
      const bySerial = await manager.call<HqRecall>('recalls.save', { campaign: campaign({ code: 'RC-SERIAL', brand: '', models: [], ranges: [{ field: 'serial', from: 'sn-0100', to: 'SN-0199' }] }) });
      expect(bySerial.body.recall.ranges).toEqual([{ field: 'serial', from: 'SN-0100', to: 'SN-0199' }]);
      const serials = (await analyst.call<RecallCompletion>('recalls.completion', { recallId: bySerial.body.recall.id })).body;
      expect([row(serials, shop.code).devicesSeen, row(serials, other.code).devicesSeen]).toEqual([0, 1]);

      // Ended early: a new version with yesterday as its end; the shops stop showing it.
      const ended = await manager.call<HqRecall>('recalls.save', { id: recallId, campaign: campaign({ endDate: testDate(-1) }) });
      expect(ended.body).toMatchObject({ state: 'ended', createdBy: 'wang', updatedBy: 'wang' });
      expect(ended.body.change).toBeGreaterThan(saved.body.change);
      await shop.sync();
      expect((await shop.call('counter', 'recalls.active', {})).recalls.map((r: { code: string }) => r.code).sort()).toEqual(['RC-MODEL', 'RC-SERIAL']);
      // The ticket keeps its campaign.
      expect(await shop.call('counter', 'recalls.forTicket', { ticketId: ticket.id })).toMatchObject([{ code: 'RC-2026-11' }]);

      const log = (await token.call<{ entries: AuditEntry[] }>('audit.list', { limit: 20 })).body.entries;
      expect(log.filter((e) => e.action.startsWith('recalls.')).map((e) => [e.action, e.actorName])).toEqual([['recalls.change', 'wang'], ['recalls.create', 'wang'], ['recalls.create', 'wang'], ['recalls.create', 'wang']]);
      await shop.backend.close();
      await other.backend.close();
    } finally {
      await hq.close();
    }
  }, 120_000);
});
