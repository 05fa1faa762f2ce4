/**
 * The warranty engine's period arithmetic for the generated shop, on the shop's own policies and
 * holiday calendar (the category defaults a quote would use): where a device's whole-unit
 * period starts and ends, and whether a visit is inside it. Intake decides with it which
 * visits are covered repairs (straight to repairing) and which need the customer's approval;
 * the bench step writes the quotes' warranty decisions with the same numbers, so the two agree.
 *
 * What it leaves out of the engine: days spent in earlier warranty repairs (they extend the
 * period), the shop's repair warranty on a returning fault, and service programs.
 */
import type Database from 'better-sqlite3';
import { addPeriodDay, periodCode } from '../../src/shared/warranty/engine';
import { fromDay, toDay } from '../../src/shared/warranty/dates';
import { compileCalendar, rollToWorkingDayNumber, type CompiledCalendar } from '../../src/shared/warranty/holidays';
import { categoryPolicySchema, holidayCalendarSchema, type CategoryPolicy, type Period } from '../../src/shared/warranty/schemas';

export interface SeedCoverage {
  /** The category's default policy, as a quote resolves it (none: quotes are priced as paid). */
  policies: Map<string, CategoryPolicy>;
  calendar: CompiledCalendar;
  /** Day 0 of the whole-unit period ('YYYY-MM-DD'), or null when the engine finds no start. */
  start(category: string, proof: string, saleDay: string | null, factoryDay: string | null): string | null;
  /** Last covered day of a period from `start`, rolled to a working day. */
  end(start: string, period: string | Period): string;
  /** Whether a visit on `day` (the send-in day) falls in the whole-unit period. */
  inUnitPeriod(category: string, proof: string, saleDay: string | null, factoryDay: string | null, day: string): boolean;
}

const parsePeriod = (code: string): Period => {
  const m = /^(\d+)([dmy])$/.exec(code);
  if (!m) throw new Error(`bad period ${code}`);
  return { n: Number(m[1]), unit: m[2] === 'd' ? 'day' : m[2] === 'm' ? 'month' : 'year' };
};

export function seedCoverage(sqlite: Database.Database): SeedCoverage {
  const policies = new Map<string, CategoryPolicy>();
  for (const r of sqlite.prepare(`SELECT category, data_json FROM warranty_policies WHERE active = 1 AND category_default = 1`).all() as { category: string; data_json: string }[]) {
    policies.set(r.category, categoryPolicySchema.parse(JSON.parse(r.data_json)));
  }
  const cal = sqlite.prepare(`SELECT calendar_id, version_no, data_json FROM warranty_calendars WHERE active = 1 ORDER BY calendar_id LIMIT 1`).get() as
    | { calendar_id: string; version_no: number; data_json: string }
    | undefined;
  if (!cal) throw new Error('no active holiday calendar');
  const calendar = compileCalendar({ ...holidayCalendarSchema.parse(JSON.parse(cal.data_json)), id: `${cal.calendar_id}/${cal.version_no}` });
  const ends = new Map<string, string>();

  // The engine's start rule (src/shared/warranty/engine.ts) on what intake records (from-ticket.ts).
  const start = (category: string, proof: string, saleDay: string | null, factoryDay: string | null): string | null => {
    const p = policies.get(category);
    if (!p) return null;
    if (proof === 'invoice' && saleDay) return saleDay;
    if (proof === 'receipt' && saleDay && p.noInvoice.otherProofOptions.length > 0) return saleDay;
    if (factoryDay && p.noInvoice.factoryOffsetDays !== null) return fromDay(toDay(factoryDay) + p.noInvoice.factoryOffsetDays);
    return null;
  };
  const end = (from: string, period: string | Period): string => {
    const code = typeof period === 'string' ? period : periodCode(period);
    const key = `${from}|${code}`;
    let e = ends.get(key);
    if (e === undefined) {
      e = fromDay(rollToWorkingDayNumber(addPeriodDay(toDay(from), parsePeriod(code)), calendar));
      ends.set(key, e);
    }
    return e;
  };
  return {
    policies,
    calendar,
    start,
    end,
    inUnitPeriod(category, proof, saleDay, factoryDay, day) {
      const s = start(category, proof, saleDay, factoryDay);
      return s !== null && day <= end(s, policies.get(category)!.unitPeriod);
    },
  };
}
