import type { Backend } from '../../src/core';

/** A returning customer of the demo shop, as the counter finds them by the last four digits of their phone. */
export interface Returning {
  customerId: string;
  name: string;
  last4: string;
  /** Where their phone (with an IMEI) stands in their device list. */
  deviceIndex: number;
  deviceLabel: string;
}

/**
 * The first demo customer with a phone (IMEI) whose last four phone digits are theirs alone, so a
 * search by them finds exactly one person; null when the demo has none.
 */
export async function findReturning(backend: Backend, token: string): Promise<Returning | null> {
  const s = { token };
  const page = await backend.call('tickets.list', { limit: 100 }, s);
  for (const row of page.rows) {
    if (row.device.category !== 'phone') continue;
    const last4 = row.customer.phone.replace(/\D/g, '').slice(-4);
    const found = await backend.call('customers.findByPhone', { phone: last4 }, s);
    const search = await backend.call('search.query', { q: last4 }, s);
    if (found.length !== 1 || search.customers.length !== 1) continue;
    const c = await backend.call('customers.get', { id: row.customer.id }, s);
    const deviceIndex = c.devices.findIndex((d) => d.category === 'phone' && d.imei);
    if (deviceIndex < 0) continue;
    const d = c.devices[deviceIndex]!;
    return { customerId: c.customer.id, name: c.customer.name, last4, deviceIndex, deviceLabel: `${d.brand} ${d.model}` };
  }
  return null;
}
