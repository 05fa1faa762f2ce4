import { describe, expect, it } from 'vitest';
import { checkTransition, EDGES, NO_FACTS, type TransitionFacts } from '../../../src/shared/tickets/lifecycle';
import { TICKET_STATUSES, type TicketStatus } from '../../../src/shared/tickets/statuses';

const ALLOWED: [TicketStatus, TicketStatus][] = [
  ['received', 'diagnosing'],
  ['received', 'ready'],
  ['diagnosing', 'awaiting_approval'],
  ['diagnosing', 'repairing'],
  ['awaiting_approval', 'repairing'],
  ['awaiting_approval', 'ready'],
  ['repairing', 'awaiting_parts'],
  ['awaiting_parts', 'repairing'],
  ['repairing', 'awaiting_approval'],
  ['awaiting_parts', 'awaiting_approval'],
  ['repairing', 'qc'],
  ['qc', 'ready'],
  ['qc', 'repairing'],
  ['ready', 'collected'],
  ...(['received', 'diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts', 'qc', 'ready'] as const).map((s): [TicketStatus, TicketStatus] => [s, 'cancelled']),
];

/** Facts under which each allowed edge's guard passes. */
const PASS: TransitionFacts = { ...NO_FACTS, role: 'manager', hasQuote: true, authorizationCovers: true, fullyCovered: true, declined: true, qcPassed: true, qcFailed: true, outcome: 'not_repaired', settled: true };

describe('lifecycle state machine', () => {
  it('has exactly the edges of the design diagram (plus revision back to approval)', () => {
    expect(EDGES.map((e) => `${e.from}>${e.to}`).sort()).toEqual(ALLOWED.map(([a, b]) => `${a}>${b}`).sort());
  });

  it('refuses every other pair of statuses', () => {
    const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));
    for (const from of TICKET_STATUSES)
      for (const to of TICKET_STATUSES) {
        if (allowed.has(`${from}>${to}`)) continue;
        const r = checkTransition(from, to, PASS);
        expect(r.ok, `${from} → ${to}`).toBe(false);
        if (!r.ok) expect(r.key).toBe('bench.lifecycle.notAllowed');
      }
  });

  it.each(ALLOWED.filter(([a, b]) => !(b === 'awaiting_approval' && (a === 'repairing' || a === 'awaiting_parts'))))('allows %s → %s when its guard holds', (from, to) => {
    expect(checkTransition(from, to, PASS).ok).toBe(true);
  });

  const guards: [TicketStatus, TicketStatus, Partial<TransitionFacts>, string][] = [
    ['diagnosing', 'awaiting_approval', { hasQuote: false }, 'bench.lifecycle.noQuote'],
    ['diagnosing', 'repairing', { fullyCovered: false }, 'bench.lifecycle.notCovered'],
    ['awaiting_approval', 'repairing', { fullyCovered: false, authorizationCovers: false }, 'bench.lifecycle.notAuthorized'],
    ['awaiting_parts', 'repairing', { fullyCovered: false, authorizationCovers: false }, 'bench.lifecycle.notAuthorized'],
    ['repairing', 'qc', { fullyCovered: false, authorizationCovers: false }, 'bench.lifecycle.notAuthorized'],
    ['awaiting_approval', 'ready', { declined: false }, 'bench.lifecycle.notDeclined'],
    ['received', 'ready', { outcome: null }, 'bench.lifecycle.outcomeRequired'],
    ['qc', 'ready', { qcPassed: false }, 'bench.lifecycle.qcIncomplete'],
    ['qc', 'repairing', { qcFailed: false }, 'bench.lifecycle.qcNotFailed'],
    ['ready', 'collected', { settled: false }, 'bench.lifecycle.notSettled'],
    ['repairing', 'cancelled', { role: 'technician' }, 'bench.lifecycle.managerOnly'],
    ['ready', 'cancelled', { role: 'counter' }, 'bench.lifecycle.managerOnly'],
    ['repairing', 'awaiting_approval', { authorizationCovers: true, fullyCovered: false }, 'bench.lifecycle.stillAuthorized'],
  ];
  it.each(guards)('guards %s → %s', (from, to, facts, key) => {
    const r = checkTransition(from, to, { ...PASS, ...facts });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.key).toBe(key);
  });

  it('a revision goes back to approval only when the authorization no longer covers', () => {
    expect(checkTransition('repairing', 'awaiting_approval', { ...PASS, authorizationCovers: false, fullyCovered: false }).ok).toBe(true);
    expect(checkTransition('awaiting_parts', 'awaiting_approval', { ...PASS, authorizationCovers: false, fullyCovered: false }).ok).toBe(true);
  });

  it('chargeable work starts with an authorization covering the total, or full cover', () => {
    const base = { ...PASS, fullyCovered: false, authorizationCovers: false };
    expect(checkTransition('awaiting_approval', 'repairing', { ...base, authorizationCovers: true }).ok).toBe(true);
    expect(checkTransition('awaiting_approval', 'repairing', { ...base, fullyCovered: true }).ok).toBe(true);
  });

  it('closed tickets go nowhere', () => {
    for (const to of TICKET_STATUSES) {
      expect(checkTransition('collected', to, PASS).ok).toBe(false);
      expect(checkTransition('cancelled', to, PASS).ok).toBe(false);
    }
  });
});
