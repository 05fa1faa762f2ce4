import { mayCall, hqProcedures, type HqProcedure, type HqRole } from '../../../shared/hq-console/contract';

/** The console's sections: each shows for the roles that may make its first call (the contract's access list). */
export interface Section {
  id: 'shops' | 'figures' | 'complaints' | 'returns' | 'claims' | 'payments' | 'recalls' | 'devices' | 'publishing' | 'publishing-editors' | 'users' | 'audit';
  path: string;
  needs: HqProcedure;
}

export const SECTIONS: readonly Section[] = [
  { id: 'shops', path: '/shops', needs: 'shops.list' },
  { id: 'figures', path: '/figures', needs: 'figures.network' },
  { id: 'complaints', path: '/complaints', needs: 'complaints.escalated' },
  { id: 'returns', path: '/returns', needs: 'returns.list' },
  { id: 'claims', path: '/claims', needs: 'claims.queue' },
  { id: 'payments', path: '/claim-payments', needs: 'claims.reconcile' },
  { id: 'recalls', path: '/recalls', needs: 'recalls.list' },
  { id: 'devices', path: '/devices', needs: 'devices.lookup' },
  // Publishing (发布): the log, the price list, the parts catalog (issue 21 point 3).
  { id: 'publishing', path: '/publishing', needs: 'publications.list' },
  // Publishing editors (policies, programs, calendar, a shop's users and settings), beside the log
  { id: 'publishing-editors', path: '/publishing-editors', needs: 'publishing.policies.list' },
  { id: 'users', path: '/users', needs: 'users.list' },
  { id: 'audit', path: '/audit', needs: 'audit.list' },
];

export const sectionsFor = (role: HqRole) => SECTIONS.filter((s) => mayCall(hqProcedures[s.needs].access, role));
export const can = (role: HqRole, p: HqProcedure) => mayCall(hqProcedures[p].access, role);
