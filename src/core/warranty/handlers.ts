import type { AuditAction } from '../../shared/audit/actions';
import { AppError, fieldError } from '../../shared/api/errors';
import type { Params } from '../../shared/i18n/types';
import { isIsoDate, toDay } from '../../shared/warranty/dates';
import { formatReason } from '../../shared/warranty/format';
import { findPreset } from '../../shared/warranty/presets';
import { computeRefund } from '../../shared/warranty/refund';
import { CATEGORY_IDS, categoryPolicySchema, type CategoryPolicy, type HolidayCalendar } from '../../shared/warranty/schemas';
import type { warrantyProcedures } from '../../shared/warranty/procedures';
import type { Ctx, Handlers } from '../api/context';
import { evaluateForDevice, shopToday } from './evaluate';
import { evaluateTicket } from './ticket';
import { assertProgramOffered, programsOfDevice, publishedPrograms } from './programs';
import { registerProgramKind } from './pulled';
import {
  activeCalendarRow,
  assertNotEnrolled,
  calendarDataOf,
  calendarQuery,
  insertPolicyVersion,
  isEnrolled,
  policyOf,
  policyQuery,
  resolvePolicy,
  samePolicyData,
  toCalendarMeta,
  toPolicyMeta,
  toPolicyVersion,
  type PolicyRow,
} from './store';

registerProgramKind();

type P = typeof warrantyProcedures;
type Issue = { path: string; key: string; params?: Params };

/** Cross-field rules of a policy that its schema cannot express. */
function policyIssues(p: CategoryPolicy): Issue[] {
  const issues: Issue[] = [];
  if (p.returnDays > p.exchangeDays) issues.push({ path: 'policy.returnDays', key: 'warranty.error.returnAfterExchange' });
  const seen = new Set<string>();
  for (const list of ['mainParts', 'accessories'] as const) {
    p[list].forEach((part, i) => {
      if (seen.has(part.id)) issues.push({ path: `policy.${list}.${i}.id`, key: 'warranty.error.duplicatePart' });
      seen.add(part.id);
    });
  }
  return issues;
}

function calendarIssues(cal: HolidayCalendar): Issue[] {
  const issues: Issue[] = [];
  const years = new Set<number>();
  cal.years.forEach((y, i) => {
    if (years.has(y.year)) issues.push({ path: `calendar.years.${i}.year`, key: 'warranty.error.duplicateYear' });
    years.add(y.year);
    y.holidays.forEach(([from, to], j) => {
      if (isIsoDate(from) && isIsoDate(to) && toDay(to) < toDay(from))
        issues.push({ path: `calendar.years.${i}.holidays.${j}.1`, key: 'warranty.error.rangeReversed' });
    });
  });
  return issues;
}

/** JSON with object keys sorted: the order keys were written in is not data. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

function changedKeys(a: CategoryPolicy | null, b: CategoryPolicy): string[] {
  if (!a) return Object.keys(b);
  return Object.keys(b).filter((k) => k !== 'version' && canonical(a[k as keyof CategoryPolicy]) !== canonical(b[k as keyof CategoryPolicy]));
}

/**
 * Appends a new version of a policy and makes it the active one. The previous version stays
 * (decisions that named it can still be checked); the category default moves with the policy.
 */
async function appendPolicyVersion(
  ctx: Ctx,
  data: CategoryPolicy,
  source: 'preset' | 'local',
  note: string,
  action: AuditAction,
): Promise<PolicyRow> {
  const current = await policyQuery(ctx.db).where('p.policy_id', '=', data.id).where('p.active', '=', 1).executeTakeFirst();
  const before = current ? policyOf(ctx.sqlite, current) : null;
  if (current && before && samePolicyData(before, data) && current.source === source) return current;
  const me = ctx.me();
  const stored = await insertPolicyVersion(ctx.db, data, current, { source, note, updatedAt: ctx.nowIso(), updatedBy: me.userId });
  const { version } = stored;
  await ctx.audit(action, 'warranty_policy', data.id, {
    from: current?.version ?? null,
    to: version,
    source,
    changed: changedKeys(before, stored),
    ...(note ? { note } : {}),
  });
  ctx.emit({ name: 'warranty.policies.changed', payload: { id: data.id, version } });
  return (await policyQuery(ctx.db).where('p.version', '=', version).executeTakeFirstOrThrow()) as PolicyRow;
}

export const warrantyHandlers: Handlers<P> = {
  async 'warranty.policies.list'(input, ctx) {
    let q = policyQuery(ctx.db).where('p.active', '=', 1);
    if (input.category !== undefined) q = q.where('p.category', '=', input.category);
    const rows = await q.orderBy('p.category_default', 'desc').orderBy('p.policy_id').execute();
    // Categories in their canonical order (phone first), the category default first within each.
    const rank = (c: string) => (CATEGORY_IDS as readonly string[]).indexOf(c);
    return rows.sort((a, b) => rank(a.category) - rank(b.category)).map((r) => toPolicyVersion(ctx.sqlite, r));
  },

  async 'warranty.policies.get'(input, ctx) {
    const { row } = await resolvePolicy(ctx, { policyId: input.id, policyVersion: input.version });
    const all = await policyQuery(ctx.db).where('p.policy_id', '=', input.id).orderBy('p.version_no', 'desc').execute();
    const preset = findPreset(input.id);
    return {
      current: toPolicyVersion(ctx.sqlite, row),
      history: all.map(toPolicyMeta),
      preset: preset ? categoryPolicySchema.parse(preset) : null,
    };
  },

  async 'warranty.policies.save'(input, ctx) {
    await assertNotEnrolled(ctx.db);
    const data = categoryPolicySchema.parse({ ...input.policy, version: input.policy.version || 'new' });
    const issues = policyIssues(data);
    if (issues.length > 0) throw new AppError('VALIDATION', { fields: issues });
    const current = await policyQuery(ctx.db).where('p.policy_id', '=', data.id).where('p.active', '=', 1).executeTakeFirst();
    if (current && current.category !== data.category) throw fieldError('policy.category', 'warranty.error.categoryChanged');
    if (current && input.baseVersion !== undefined && input.baseVersion !== current.version)
      throw new AppError('CONFLICT', { key: 'warranty.error.staleVersion', params: { version: current.version } });
    const row = await appendPolicyVersion(ctx, data, 'local', input.note, 'warranty.policy.save');
    return toPolicyVersion(ctx.sqlite, row);
  },

  async 'warranty.policies.resetToPreset'(input, ctx) {
    await assertNotEnrolled(ctx.db);
    const preset = findPreset(input.id);
    if (!preset) throw fieldError('id', 'warranty.error.noPreset', { id: input.id });
    const row = await appendPolicyVersion(ctx, categoryPolicySchema.parse(preset), 'preset', '', 'warranty.policy.reset');
    return toPolicyVersion(ctx.sqlite, row);
  },

  async 'warranty.calendar.get'(_input, ctx) {
    const row = await activeCalendarRow(ctx.db);
    const all = await calendarQuery(ctx.db).where('c.calendar_id', '=', row.calendar_id).orderBy('c.version_no', 'desc').execute();
    return { current: { ...toCalendarMeta(row), calendar: calendarDataOf(row) }, history: all.map(toCalendarMeta) };
  },

  async 'warranty.calendar.save'(input, ctx) {
    await assertNotEnrolled(ctx.db);
    const issues = calendarIssues(input.calendar);
    if (issues.length > 0) throw new AppError('VALIDATION', { fields: issues });
    const current = await activeCalendarRow(ctx.db);
    if (input.baseVersionNo !== undefined && input.baseVersionNo !== current.version_no)
      throw new AppError('CONFLICT', { key: 'warranty.error.staleVersion', params: { version: String(current.version_no) } });
    const last = await ctx.db
      .selectFrom('warranty_calendars')
      .select((eb) => eb.fn.max('version_no').as('n'))
      .where('calendar_id', '=', current.calendar_id)
      .executeTakeFirst();
    const versionNo = (last?.n ?? 0) + 1;
    const data: HolidayCalendar = {
      ...input.calendar,
      id: current.calendar_id,
      years: [...input.calendar.years].sort((a, b) => a.year - b.year),
    };
    await ctx.db.updateTable('warranty_calendars').set({ active: 0 }).where('id', '=', current.id).execute();
    await ctx.db
      .insertInto('warranty_calendars')
      .values({
        id: `${current.calendar_id}#${versionNo}`,
        calendar_id: current.calendar_id,
        version_no: versionNo,
        data_json: JSON.stringify(data),
        source: 'local',
        active: 1,
        updated_at: ctx.nowIso(),
        updated_by: ctx.me().userId,
      })
      .execute();
    const before = calendarDataOf(current);
    await ctx.audit('warranty.calendar.save', 'warranty_calendar', current.calendar_id, {
      from: current.version_no,
      to: versionNo,
      years: { from: before.years.map((y) => y.year), to: data.years.map((y) => y.year) },
    });
    const row = await calendarQuery(ctx.db).where('c.id', '=', `${current.calendar_id}#${versionNo}`).executeTakeFirstOrThrow();
    return { ...toCalendarMeta(row), calendar: data };
  },

  'warranty.evaluate': (input, ctx) => evaluateForDevice(ctx, input),
  'warranty.forTicket': (input, ctx) => evaluateTicket(ctx, input.ticketId, { lines: input.lines, today: input.today }),

  async 'warranty.refund'(input, ctx) {
    const { policy } = await resolvePolicy(ctx, input);
    const returnDate = input.returnDate ?? (await shopToday(ctx));
    if (input.returnDate === undefined && isIsoDate(input.invoiceDate) && toDay(input.invoiceDate) > toDay(returnDate))
      throw fieldError('invoiceDate', 'warranty.error.purchaseAfterToday');
    const r = computeRefund({
      price: input.price,
      depreciationPpmPerDay: policy.depreciationPpmPerDay,
      invoiceDate: input.invoiceDate,
      returnDate,
      repairDays: input.repairDays,
    });
    return {
      policyId: policy.id,
      policyVersion: policy.version,
      depreciationPpmPerDay: policy.depreciationPpmPerDay,
      returnDate,
      ...r,
      text: formatReason(
        { code: 'refundDepreciated', params: { days: r.daysUsed, depreciation: r.depreciation, amount: r.refund } },
        ctx.locale,
        policy,
      ),
    };
  },

  'warranty.programs.list': (input, ctx) => programsOfDevice(ctx.db, input.deviceId),
  'warranty.programs.offered': (_input, ctx) => publishedPrograms(ctx.db),

  async 'warranty.programs.add'(input, ctx) {
    const p = input.program;
    if (p.kind !== 'extended_warranty' && toDay(p.validTo) < toDay(p.validFrom))
      throw fieldError('program.validTo', 'warranty.error.programDates');
    const exists = await ctx.db
      .selectFrom('device_programs')
      .select('id')
      .where('device_id', '=', input.deviceId)
      .where('program_id', '=', p.id)
      .executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', { key: 'warranty.error.programExists', details: { id: exists.id } });
    await assertProgramOffered(ctx.db, await isEnrolled(ctx.db), p);
    const id = ctx.newId();
    const now = ctx.nowIso();
    const me = ctx.me();
    await ctx.db
      .insertInto('device_programs')
      .values({ id, device_id: input.deviceId, program_id: p.id, kind: p.kind, data_json: JSON.stringify(p), created_at: now, created_by: me.userId })
      .execute();
    await ctx.audit('warranty.program.add', 'device', input.deviceId, { program: p.id, kind: p.kind });
    return { id, deviceId: input.deviceId, program: p, createdAt: now, createdBy: me.username };
  },

  async 'warranty.programs.remove'(input, ctx) {
    const row = await ctx.db.selectFrom('device_programs').select(['device_id', 'program_id', 'data_json']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    await ctx.db.deleteFrom('device_programs').where('id', '=', input.id).execute();
    await ctx.audit('warranty.program.remove', 'device', row.device_id, { program: row.program_id, data: JSON.parse(row.data_json) as unknown });
    return { ok: true as const };
  },
};
