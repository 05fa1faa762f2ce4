/**
 * Opening a ticket or a customer from anywhere (search, scanner, lists, the intake screen)
 * without threading callbacks through the shell: a tiny publish/subscribe the shell's
 * drawers listen to.
 */
export type NavTarget = { kind: 'ticket'; id: string } | { kind: 'customer'; id: string } | { kind: 'intake'; customerId: string };

const listeners = new Set<(t: NavTarget) => void>();
/** An intake asked for before the counter page was mounted (picked up when it mounts). */
let pendingIntake: string | null = null;

export function onNavigate(fn: (t: NavTarget) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function emit(t: NavTarget) {
  listeners.forEach((fn) => fn(t));
}

export const openTicket = (id: string) => emit({ kind: 'ticket', id });
export const openCustomer = (id: string) => emit({ kind: 'customer', id });
export function startIntakeFor(customerId: string) {
  pendingIntake = customerId;
  emit({ kind: 'intake', customerId });
}
export function takePendingIntake(): string | null {
  const c = pendingIntake;
  pendingIntake = null;
  return c;
}
