/**
 * Reading and writing the warranty data tables: category policy versions, holiday calendar
 * versions, device programs. Policy and calendar rows are immutable once written (a trigger
 * guards it), so their parsed form is cached by row id for the life of the database handle.
 */
import { withRegulationDefaults } from '../../shared/warranty/regulation-defaults';
import type Database from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import { AppError, fieldError } from '../../shared/api/errors';
import { t } from '../../shared/i18n/translate';
import { CATEGORY_IDS, categoryPolicySchema, holidayCalendarSchema, type CategoryPolicy, type HolidayCalendar } from '../../shared/warranty/schemas';
import { compileCalendar, type CompiledCalendar } from '../../shared/warranty/holidays';
import { findPreset } from '../../shared/warranty/presets';
import type { CalendarVersion, PolicyVersion } from '../../shared/warranty/procedures';
import type { Ctx } from '../api/context';
import type { DB, WarrantyCalendarsTable, WarrantyPoliciesTable } from '../db/schema';

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_IDS);

interface Caches {
  policies: Map<string, CategoryPolicy>;
  calendars: Map<string, CompiledCalendar>;
}
const caches = new WeakMap<Database.Database, Caches>();
function cacheOf(sqlite: Database.Database): Caches {
  let c = caches.get(sqlite);
  if (!c) {
    c = { policies: new Map(), calendars: new Map() };
    caches.set(sqlite, c);
  }
  return c;
}

export const POLICY_COLUMNS = [
  'p.id',
  'p.policy_id',
  'p.category',
  'p.version_no',
  'p.version',
  'p.data_json',
  'p.source',
  'p.active',
  'p.category_default',
  'p.note',
  'p.updated_at',
  'p.updated_by',
  'u.username',
] as const;

/** A policy version with the username of whoever wrote it (POLICY_COLUMNS). */
export type PolicyRow = Selectable<WarrantyPoliciesTable> & { username: string | null };

export function policyQuery(db: Kysely<DB>) {
  return db.selectFrom('warranty_policies as p').leftJoin('users as u', 'u.id', 'p.updated_by').select(POLICY_COLUMNS);
}

/** The stored policy of a row, parsed once per row id. */
export function policyOf(sqlite: Database.Database, row: Pick<PolicyRow, 'id' | 'data_json'>): CategoryPolicy {
  const cache = cacheOf(sqlite).policies;
  let p = cache.get(row.id);
  if (!p) {
    p = categoryPolicySchema.parse(withRegulationDefaults(JSON.parse(row.data_json)));
    cache.set(row.id, p);
  }
  return p;
}

export function toPolicyVersion(sqlite: Database.Database, row: PolicyRow): PolicyVersion {
  return { ...toPolicyMeta(row), policy: policyOf(sqlite, row) };
}

export function toPolicyMeta(row: PolicyRow): Omit<PolicyVersion, 'policy'> {
  return {
    id: row.policy_id,
    category: row.category,
    version: row.version,
    versionNo: row.version_no,
    source: row.source,
    active: row.active === 1,
    categoryDefault: row.category_default === 1,
    hasPreset: findPreset(row.policy_id) !== undefined,
    note: row.note,
    updatedAt: row.updated_at,
    updatedBy: row.username,
  };
}

export interface PolicyChoice {
  category?: string | undefined;
  policyId?: string | undefined;
  policyVersion?: string | undefined;
}

/**
 * Finds the policy a caller asked for. Never guesses: an unknown category, an unknown policy or
 * version, or a category whose policy is ambiguous is a VALIDATION error naming the field.
 */
export async function resolvePolicy(ctx: Pick<Ctx, 'db' | 'sqlite' | 'locale'>, choice: PolicyChoice): Promise<{ row: PolicyRow; policy: CategoryPolicy }> {
  if (choice.category !== undefined && !CATEGORY_SET.has(choice.category))
    throw fieldError('category', 'warranty.error.unknownCategory', { category: choice.category });
  let row: PolicyRow | undefined;
  if (choice.policyVersion !== undefined) {
    row = await policyQuery(ctx.db).where('p.version', '=', choice.policyVersion).executeTakeFirst();
    if (!row || (choice.policyId !== undefined && row.policy_id !== choice.policyId))
      throw fieldError('policyVersion', 'warranty.error.unknownVersion', { version: choice.policyVersion });
  } else if (choice.policyId !== undefined) {
    row = await policyQuery(ctx.db).where('p.policy_id', '=', choice.policyId).where('p.active', '=', 1).executeTakeFirst();
    if (!row) throw fieldError('policyId', 'warranty.error.unknownPolicy', { id: choice.policyId });
  } else if (choice.category !== undefined) {
    const rows = await policyQuery(ctx.db).where('p.category', '=', choice.category).where('p.active', '=', 1).execute();
    row = rows.find((r) => r.category_default === 1) ?? (rows.length === 1 ? rows[0] : undefined);
    // the category by its name (手机, not phone): the code is known here, CATEGORY_SET checked it
    if (!row) throw fieldError('category', 'warranty.error.noPolicy', { category: t(ctx.locale, `warranty.category.${choice.category}`) });
  } else {
    throw fieldError('category', 'warranty.error.policyRequired');
  }
  if (choice.category !== undefined && row.category !== choice.category)
    throw fieldError('category', 'warranty.error.categoryMismatch', { category: choice.category, policyCategory: row.category });
  return { row, policy: policyOf(ctx.sqlite, row) };
}

/** Data equality for "nothing changed": the stored JSON without its version label. */
export function samePolicyData(a: CategoryPolicy, b: CategoryPolicy): boolean {
  return JSON.stringify({ ...a, version: '' }) === JSON.stringify({ ...b, version: '' });
}

/**
 * Writes the next version of a policy as the active one and retires `current`. The category
 * default moves with the policy; a category's first policy becomes its default. Returns what was
 * stored (the data under its new version label).
 */
export async function insertPolicyVersion(
  db: Kysely<DB>,
  data: CategoryPolicy,
  current: Pick<PolicyRow, 'id' | 'category_default'> | undefined,
  by: { source: PolicyRow['source']; note: string; updatedAt: string; updatedBy: string | null },
): Promise<CategoryPolicy> {
  const last = await db
    .selectFrom('warranty_policies')
    .select((eb) => eb.fn.max('version_no').as('n'))
    .where('policy_id', '=', data.id)
    .executeTakeFirst();
  const versionNo = (last?.n ?? 0) + 1;
  const version = `${data.id}/${versionNo}`;
  let categoryDefault = current?.category_default ?? 0;
  if (!current) {
    const def = await db
      .selectFrom('warranty_policies')
      .select('id')
      .where('category', '=', data.category)
      .where('active', '=', 1)
      .where('category_default', '=', 1)
      .executeTakeFirst();
    categoryDefault = def ? 0 : 1;
  }
  const stored: CategoryPolicy = { ...data, version };
  if (current) await db.updateTable('warranty_policies').set({ active: 0 }).where('id', '=', current.id).execute();
  await db
    .insertInto('warranty_policies')
    .values({
      id: `${data.id}#${versionNo}`,
      policy_id: data.id,
      category: data.category,
      version_no: versionNo,
      version,
      data_json: JSON.stringify(stored),
      source: by.source,
      active: 1,
      category_default: categoryDefault,
      note: by.note,
      updated_at: by.updatedAt,
      updated_by: by.updatedBy,
    })
    .execute();
  return stored;
}

// ---- holiday calendar ----

export type CalendarRow = Selectable<WarrantyCalendarsTable> & { username: string | null };

export function calendarQuery(db: Kysely<DB>) {
  return db
    .selectFrom('warranty_calendars as c')
    .leftJoin('users as u', 'u.id', 'c.updated_by')
    .select(['c.id', 'c.calendar_id', 'c.version_no', 'c.data_json', 'c.source', 'c.active', 'c.updated_at', 'c.updated_by', 'u.username']);
}

export async function activeCalendarRow(db: Kysely<DB>): Promise<CalendarRow> {
  const row = await calendarQuery(db).where('c.active', '=', 1).orderBy('c.calendar_id').limit(1).executeTakeFirst();
  if (!row) throw new AppError('INTERNAL', { details: { reason: 'no active holiday calendar' } });
  return row;
}

export function calendarDataOf(row: CalendarRow): HolidayCalendar {
  return holidayCalendarSchema.parse(JSON.parse(row.data_json));
}

/** Compiled for the engine, with the version in its id so every decision names the calendar version. */
export function compiledCalendarOf(sqlite: Database.Database, row: CalendarRow): CompiledCalendar {
  const cache = cacheOf(sqlite).calendars;
  let c = cache.get(row.id);
  if (!c) {
    c = compileCalendar({ ...calendarDataOf(row), id: `${row.calendar_id}/${row.version_no}` });
    cache.set(row.id, c);
  }
  return c;
}

export function toCalendarMeta(row: CalendarRow): Omit<CalendarVersion, 'calendar'> {
  return { id: row.calendar_id, versionNo: row.version_no, source: row.source, updatedAt: row.updated_at, updatedBy: row.username };
}

// ---- enrollment ----

/**
 * Head office owns policies once the shop is enrolled. Enrollment arrives with the sync
 * capability; until then the flag is read from the shop settings JSON (`enrolled`, default false).
 */
export async function assertNotEnrolled(db: Kysely<DB>): Promise<void> {
  if (await isEnrolled(db)) throw new AppError('RULE', { key: 'warranty.error.enrolled' });
}

export async function isEnrolled(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('shop').select('settings_json').limit(1).executeTakeFirst();
  if (!row) throw new AppError('SETUP_REQUIRED');
  return (JSON.parse(row.settings_json) as { enrolled?: unknown }).enrolled === true;
}
