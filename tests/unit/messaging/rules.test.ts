import { describe, expect, it } from 'vitest';
import { checkTemplate, DEFAULT_MESSAGE_RULES as R, dueMessages, nextDueAt, outsideQuietHours } from '../../../src/shared/messaging/rules';

const facts = (over: object = {}) => ({ statuses: [{ eventId: 'e1', to: 'ready', at: '2026-11-23T02:00:00.000Z' }], consent: true, optedOut: false, collectedAt: null, sentKeys: new Set<string>(), ...over });

describe('message rules', () => {
  it('quiet hours in Shanghai: 22:30 local goes at 08:00 local; 10:00 goes at once', () => {
    expect(outsideQuietHours(new Date('2026-11-23T14:30:00Z'), R).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(outsideQuietHours(new Date('2026-11-23T02:00:00Z'), R).toISOString()).toBe('2026-11-23T02:00:00.000Z');
  });
  it('quiet hours in Berlin across the spring DST change (29 Mar 2026): 23:00 CET goes at 08:00 CEST = 06:00Z', () => {
    const b = { ...R, timeZone: 'Europe/Berlin' };
    expect(outsideQuietHours(new Date('2026-03-28T22:00:00Z'), b).toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });
  it('consent refused or opted out: nothing', () => {
    expect(dueMessages(facts({ consent: false }), R, new Date('2026-11-23T03:00:00Z'))).toEqual([]);
    expect(dueMessages(facts({ optedOut: true }), R, new Date('2026-11-23T03:00:00Z'))).toEqual([]);
  });
  it('ready once; already sent: none', () => {
    const now = new Date('2026-11-23T03:00:00Z');
    expect(dueMessages(facts(), R, now).map((m) => m.key)).toEqual(['ready:e1']);
    expect(dueMessages(facts({ sentKeys: new Set(['ready:e1']) }), R, now)).toEqual([]);
  });
  it('uncollected after 7 and 14 days', () => {
    const keys = dueMessages(facts({ sentKeys: new Set(['ready:e1']) }), R, new Date('2026-12-07T03:00:00Z')).map((m) => m.key);
    expect(keys).toEqual(['uncollected:e1:1', 'uncollected:e1:2']);
  });
  it('next due by time alone: the first reminder 7 days after ready, then the next one; the survey 3 days after collection; none without consent', () => {
    const now = new Date('2026-11-23T03:00:00Z');
    // ready at 23 Nov 02:00Z: the ready message is due now (not "next"); the first reminder on 30 Nov 02:00Z
    expect(nextDueAt(facts(), R, now)?.toISOString()).toBe('2026-11-30T02:00:00.000Z');
    // on 1 Dec with the first reminder sent: the second, 14 days after ready
    expect(nextDueAt(facts({ sentKeys: new Set(['ready:e1', 'uncollected:e1:1']) }), R, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-07T02:00:00.000Z');
    // all three reminders sent: nothing more will come by time
    expect(nextDueAt(facts({ sentKeys: new Set(['ready:e1', 'uncollected:e1:1', 'uncollected:e1:2', 'uncollected:e1:3']) }), R, new Date('2026-12-20T00:00:00Z'))).toBeNull();
    const collected = facts({ statuses: [{ eventId: 'e2', to: 'collected', at: '2026-11-24T05:00:00.000Z' }], collectedAt: '2026-11-24T05:00:00.000Z', sentKeys: new Set(['collected']) });
    expect(nextDueAt(collected, R, new Date('2026-11-24T06:00:00Z'))?.toISOString()).toBe('2026-11-27T05:00:00.000Z');
    expect(nextDueAt(facts({ consent: false }), R, now)).toBeNull();
  });
  it('checkTemplate refuses unknown variables', () => {
    expect(checkTemplate('ready', '{shop} {number}')).toEqual({ ok: true });
    expect(checkTemplate('ready', '{shop} {warrantyEnd}')).toMatchObject({ ok: false, variables: ['warrantyEnd'] });
  });
});
