/**
 * The demo's follow-ups and complaints: three of the demo's tickets are taken to collection
 * (through appendEvent, as the bench's transition would), which creates their follow-ups; one is
 * made overdue and one due today, and a complaint is opened on the third.
 */
import type { Backend } from '../backend';
import { addDaysToDate, localDate } from '../../shared/time/local-date';
import type { TicketStatus } from '../../shared/tickets/statuses';
import { appendEvent } from '../tickets/events';
import { erasePasscodeNow } from '../tickets/passcode';
import { shopInfo } from './report';
import { firstRow, qb, rows, write } from '../db/query';

export async function seedReportsDemo(backend: Backend, token: string): Promise<void> {
  const { sqlite, newId, clock } = backend.services;
  const tickets = rows(sqlite, qb.selectFrom('tickets').select('id').where('status', '=', 'received').orderBy('n').limit(3)).map((r) => r.id);
  if (tickets.length === 0) return;
  const tech = firstRow(sqlite, qb.selectFrom('users').select(['id', 'username', 'display_name']).where('role', '=', 'technician').orderBy('username').limit(1));
  const counter = firstRow(sqlite, qb.selectFrom('users').select(['id', 'username', 'display_name']).where('role', '=', 'counter').orderBy('username').limit(1));
  const session = (u: typeof tech, role: 'technician' | 'counter') => (u ? { userId: u.id, username: u.username, displayName: u.display_name, role, tokenHash: '' } : null);
  const path: [TicketStatus, 'technician' | 'counter'][] = [['diagnosing', 'technician'], ['repairing', 'technician'], ['qc', 'technician'], ['ready', 'technician'], ['collected', 'counter']];
  sqlite.transaction(() => {
    for (const id of tickets) {
      let from: TicketStatus = 'received';
      for (const [to, who] of path) {
        appendEvent({ sqlite, newId, nowIso: () => clock.now().toISOString(), session: session(who === 'technician' ? tech : counter, who) }, { ticketId: id, kind: 'status', fromStatus: from, toStatus: to, note: '', data: { demo: true } });
        from = to;
      }
      // Collected like any other: the passcode goes at hand-back (as collection.complete does).
      erasePasscodeNow({ sqlite, newId, nowIso: () => clock.now().toISOString(), session: session(counter, 'counter') }, id, 'collected');
    }
    const today = localDate(clock.now(), shopInfo(sqlite).timeZone);
    const due = (date: string, ticketId: string) => write(sqlite, qb.updateTable('follow_ups').set({ due_date: date }).where('ticket_id', '=', ticketId));
    due(addDaysToDate(today, -2), tickets[0]!);
    if (tickets[1]) due(today, tickets[1]);
  })();
  if (tickets[2]) {
    await backend.call('complaints.open', { ticketId: tickets[2], channel: 'phone', category: 'delay', severity: 'normal', description: '客户来电：取机时等候时间过长，希望改进。' }, { token });
  }
}
