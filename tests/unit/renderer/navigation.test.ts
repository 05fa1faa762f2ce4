import { describe, expect, it } from 'vitest';
import { customerPath, isTicketId, overlayOf, sectionOf, ticketPath } from '../../../src/renderer/src/nav/paths';
import { EVENT_INVALIDATES, keyMatches, mutationInvalidates } from '../../../src/renderer/src/data/invalidation';
import { EVENT_NAMES } from '../../../src/shared/api/events';

describe('a URL for every screen', () => {
  it('a ticket opens at its number, a customer at its id, both over the section behind', () => {
    expect(ticketPath('SZ01-2612-0001')).toBe('/tickets/SZ01-2612-0001');
    expect(overlayOf('/tickets/SZ01-2612-0001')).toEqual({ kind: 'ticket', ref: 'SZ01-2612-0001' });
    expect(overlayOf(customerPath('0193a1b2-0000-7000-8000-000000000001'))).toEqual({ kind: 'customer', id: '0193a1b2-0000-7000-8000-000000000001' });
    expect(overlayOf('/bench/queue/mine')).toBeNull();
  });

  it('a section path names the section and its tabs; anything else is no section', () => {
    expect(sectionOf('/bench/queue/mine')).toEqual({ section: 'bench', rest: ['queue', 'mine'] });
    expect(sectionOf('/stock/catalog')).toEqual({ section: 'stock', rest: ['catalog'] });
    expect(sectionOf('/')).toBeNull();
    expect(sectionOf('/tickets/SZ01-2612-0001')).toBeNull();
  });

  it('an old link with a ticket id still works beside a number', () => {
    expect(isTicketId('0193a1b2-0000-7000-8000-000000000001')).toBe(true);
    expect(isTicketId('SZ01-2612-0001')).toBe(false);
  });
});

describe('what goes stale', () => {
  it('every event of the shared map has its invalidations', () => {
    expect(Object.keys(EVENT_INVALIDATES).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('a changed ticket refreshes its lists, its bench and the money, not the price list or the users', () => {
    const p = EVENT_INVALIDATES['tickets.changed'];
    expect(keyMatches(p, ['tickets.list', {}])).toBe(true);
    expect(keyMatches(p, ['tickets.get', { id: 'x' }])).toBe(true);
    expect(keyMatches(p, ['bench.queue', { who: 'me' }])).toBe(true);
    expect(keyMatches(p, ['payments.list', {}])).toBe(true);
    expect(keyMatches(p, ['priceList.list', {}])).toBe(false);
    expect(keyMatches(p, ['users.list', {}])).toBe(false);
  });

  it("a ticket number's id never changes: no event refetches it", () => {
    expect(keyMatches(EVENT_INVALIDATES['tickets.changed'], ['tickets.byBarcode', { code: 'SZ01-2612-0001' }])).toBe(false);
    expect(keyMatches(EVENT_INVALIDATES['shop.updated'], ['tickets.byBarcode', { code: 'SZ01-2612-0001' }])).toBe(false);
  });

  it('new shop settings refresh every screen; a stock receipt refreshes stock, not the complaints', () => {
    expect(keyMatches(EVENT_INVALIDATES['shop.updated'], ['reports.dashboard', {}])).toBe(true);
    expect(keyMatches(mutationInvalidates('stock.receive'), ['stock.movements', {}])).toBe(true);
    expect(keyMatches(mutationInvalidates('stock.receive'), ['parts.search', { q: 'LCD' }])).toBe(true);
    expect(keyMatches(mutationInvalidates('stock.receive'), ['complaints.list', {}])).toBe(false);
  });
});
