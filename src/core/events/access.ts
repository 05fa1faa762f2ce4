/**
 * Who may receive a pushed event: the roles of the procedure that reads what the event tells,
 * so a push never says more than the role could ask for. A print job follows its document's own
 * roles (a technician learns nothing of a daily close through the print queue's pushes). An
 * event named nowhere here goes to managers and admins only, so a new event is never broadcast
 * by mistake.
 */
import { procedures, type ProcedureName } from '../../shared/api/procedures';
import { MANAGERS, type Role } from '../../shared/api/roles';
import type { ProcedureDef } from '../../shared/api/contract';
import type { BackendEvent } from '../api/context';
import { documentDef } from '../documents/registry';

const READER: Record<string, ProcedureName> = {
  'shop.updated': 'shop.get',
  'sync.status': 'sync.status',
  'tickets.changed': 'tickets.list',
  'bench.called': 'bench.queue',
  'bench.needsApproval': 'bench.queue',
  'bench.ready': 'bench.queue',
  'bench.authorized': 'bench.queue',
  'payments.changed': 'payments.list',
  'collection.done': 'collection.lookup',
  'dailyClose.closed': 'dailyClose.get',
  'dailyClose.cash': 'dailyClose.get',
  'complaints.changed': 'complaints.list',
  'complaints.escalated': 'complaints.list',
  'warranty.policies.changed': 'warranty.policies.list',
  'warranty.programs.changed': 'warranty.programs.list',
  'parts.changed': 'parts.search',
  'priceList.changed': 'priceList.list',
  'backup.done': 'backup.status',
  'db.integrity': 'backup.status',
};

function rolesOf(name: ProcedureName): readonly Role[] {
  const access = (procedures as Record<string, ProcedureDef>)[name]!.access;
  return access === 'public' ? MANAGERS : access;
}

export function mayReceive(event: BackendEvent, role: Role): boolean {
  if (event.name === 'print.job') {
    const docType = (event.payload as { docType?: unknown } | null)?.docType;
    const def = typeof docType === 'string' ? documentDef(docType) : undefined;
    return def !== undefined && def.roles.includes(role);
  }
  const reader = READER[event.name];
  return (reader ? rolesOf(reader) : MANAGERS).includes(role);
}
