import * as audit from '../../../src/shared/audit/schemas';
import * as auth from '../../../src/shared/auth/schemas';
import * as backup from '../../../src/shared/backup/schemas';
import * as bench from '../../../src/shared/bench/schemas';
import * as collection from '../../../src/shared/collection/schemas';
import * as customers from '../../../src/shared/customers/schemas';
import * as categories from '../../../src/shared/devices/categories';
import * as devices from '../../../src/shared/devices/schemas';
import * as printing from '../../../src/shared/printing/schemas';
import * as reports from '../../../src/shared/reports/schemas';
import * as shop from '../../../src/shared/shop/schemas';
import * as stock from '../../../src/shared/stock/schemas';
import * as tickets from '../../../src/shared/tickets/schemas';
import * as statuses from '../../../src/shared/tickets/statuses';
import * as warranty from '../../../src/shared/warranty/schemas';

const MODULES = [audit, auth, backup, bench, collection, customers, categories, devices, printing, reports, shop, stock, tickets, statuses, warranty];
const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * The contract's enum values (statuses, tenders, roles, categories…), read from what the shared
 * modules export: `as const` lists of codes, zod enums, and the keys of records by code (COMMON_FAULTS).
 */
export function contractEnumValues(): Set<string> {
  const out = new Set<string>();
  const take = (xs: unknown[]) => xs.forEach((x) => typeof x === 'string' && CODE.test(x) && out.add(x));
  for (const mod of MODULES) {
    for (const v of Object.values(mod as Record<string, unknown>)) {
      if (Array.isArray(v)) take(v);
      else if (v && typeof v === 'object' && 'options' in v && Array.isArray((v as { options: unknown }).options)) take((v as { options: unknown[] }).options);
      else if (v && typeof v === 'object' && !('parse' in v)) for (const inner of Object.values(v)) if (Array.isArray(inner)) take(inner);
    }
  }
  return out;
}
