import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { AppError } from '../../shared/api/errors';
import { parseCnPhone, reverseDigits, type ParsedPhone } from '../../shared/customers/phone';
import type { Customer, CustomerSummary, NewCustomer } from '../../shared/customers/schemas';
import type { Ctx } from '../api/context';
import { exists, prefixEnd, prepared, statement } from '../db/statements';
import type { CustomersTable } from '../db/intake-tables';

type CustomerRow = Pick<Selectable<CustomersTable>, 'id' | 'name' | 'address' | 'company' | 'note' | 'preferred_contact' | 'created_at' | 'updated_at'>;

/** Parses the phones of a valid input (zod already refused the invalid ones) and drops repeats. */
export function parsePhones(phones: readonly string[]): ParsedPhone[] {
  const seen = new Set<string>();
  const out: ParsedPhone[] = [];
  for (const raw of phones) {
    const p = parseCnPhone(raw);
    if (p && !seen.has(p.e164)) {
      seen.add(p.e164);
      out.push(p);
    }
  }
  return out;
}

export function reverseName(name: string): string {
  return [...name].reverse().join('');
}

/** Customers other than `exceptId` holding any of these numbers (the duplicate-phone warning). */
export function customersWithPhones(sqlite: Database.Database, e164s: readonly string[], exceptId: string | null): CustomerSummary[] {
  const ids = new Set<string>();
  const stmt = statement<{ customer_id: string }>(sqlite, `SELECT customer_id FROM customer_phones WHERE e164 = ?`);
  for (const e of e164s) for (const r of stmt.all(e)) if (r.customer_id !== exceptId) ids.add(r.customer_id);
  return summaries(sqlite, [...ids]);
}

export function summaries(sqlite: Database.Database, ids: readonly string[]): CustomerSummary[] {
  const one = statement<{ id: string; name: string; company: string }>(sqlite, `SELECT id, name, company FROM customers WHERE id = ?`);
  const out: CustomerSummary[] = [];
  for (const id of ids) {
    const r = one.get(id);
    if (r) out.push({ ...r, phones: phoneDisplays(sqlite, id) });
  }
  return out;
}

export function phoneDisplays(sqlite: Database.Database, customerId: string): string[] {
  return statement<{ display: string }>(sqlite, `SELECT display FROM customer_phones WHERE customer_id = ? ORDER BY position`).all(customerId).map(
    (r) => r.display,
  );
}

function writePhones(ctx: Ctx, customerId: string, phones: readonly ParsedPhone[]) {
  prepared(ctx.sqlite, `DELETE FROM customer_phones WHERE customer_id = ?`).run(customerId);
  const ins = prepared(
    ctx.sqlite,
    `INSERT INTO customer_phones (id, customer_id, position, e164, kind, display, digits_rev) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  phones.forEach((p, i) => ins.run(ctx.newId(), customerId, i, p.e164, p.kind, p.display, reverseDigits(p.digits)));
}

export function insertCustomer(ctx: Ctx, c: NewCustomer): string {
  const id = ctx.newId();
  const now = ctx.nowIso();
  prepared(
    ctx.sqlite,
    `INSERT INTO customers (id, name, name_rev, address, company, note, preferred_contact, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, c.name, reverseName(c.name), c.address, c.company, c.note, c.preferredContact, now, now);
  writePhones(ctx, id, parsePhones(c.phones));
  return id;
}

export function updateCustomerRow(
  ctx: Ctx,
  id: string,
  patch: Partial<Pick<NewCustomer, 'name' | 'address' | 'company' | 'note' | 'preferredContact'>>,
  phones: ParsedPhone[] | null,
) {
  const cur = loadCustomer(ctx.sqlite, id);
  const next = { ...cur, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  prepared(
    ctx.sqlite,
    `UPDATE customers SET name = ?, name_rev = ?, address = ?, company = ?, note = ?, preferred_contact = ?, updated_at = ? WHERE id = ?`,
  ).run(next.name, reverseName(next.name), next.address, next.company, next.note, next.preferredContact, ctx.nowIso(), id);
  if (phones) writePhones(ctx, id, phones);
}

export function loadCustomer(sqlite: Database.Database, id: string): Customer {
  const r = statement<CustomerRow>(sqlite, `SELECT id, name, address, company, note, preferred_contact, created_at, updated_at FROM customers WHERE id = ?`).get(id);
  if (!r) throw new AppError('NOT_FOUND', { details: { entity: 'customer', id } });
  const phones = statement<Customer['phones'][number]>(sqlite, `SELECT e164, display, kind FROM customer_phones WHERE customer_id = ? ORDER BY position`).all(id);
  return {
    id: r.id,
    name: r.name,
    phones,
    address: r.address,
    company: r.company,
    note: r.note,
    preferredContact: r.preferred_contact as Customer['preferredContact'],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function customerExists(sqlite: Database.Database, id: string): boolean {
  return exists(sqlite, `SELECT 1 FROM customers WHERE id = ?`, id);
}

/**
 * Customer ids whose phone ends with `digits`: a range on the reversed-digits index, so
 * "the last four digits" costs an index seek however many customers there are.
 */
export function customerIdsByPhoneSuffix(sqlite: Database.Database, digits: string, limit: number): string[] {
  const rev = reverseDigits(digits);
  const rows = statement<{ customer_id: string }>(
    sqlite,
    `SELECT DISTINCT customer_id FROM customer_phones WHERE digits_rev >= ? AND digits_rev < ? LIMIT ?`,
  ).all(rev, prefixEnd(rev), limit);
  return rows.map((r) => r.customer_id);
}
