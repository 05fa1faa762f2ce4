/** SQL conditions on report_facts: the report's filters, and the promised-date breach (own window per ticket). */
import type { ReportWindow } from '../../shared/reports/compute';
import type { Dimension, ReportFilters } from '../../shared/reports/schemas';
import { addDaysToDate } from '../../shared/time/local-date';


/** The column of a breakdown dimension (technician: the credited one). */
export const DIM_COLUMN: Record<Dimension, string> = { technician: 'tech_id', category: 'category', brand: 'brand', serviceType: 'service_type' };

/** A SQL condition for the filters on report_facts columns (technician: the credited one). */
export function factFilterSql(filters: ReportFilters, params: Record<string, unknown>, alias = ''): string {
  const w: string[] = [];
  if (filters.technicianId) {
    w.push(`${alias}tech_id = $tech`);
    params.tech = filters.technicianId;
  }
  if (filters.category) {
    w.push(`${alias}category = $cat`);
    params.cat = filters.category;
  }
  if (filters.brand) {
    w.push(`${alias}brand = $brand COLLATE NOCASE`);
    params.brand = filters.brand;
  }
  if (filters.serviceType) {
    w.push(`${alias}service_type = $svc`);
    params.svc = filters.serviceType;
  }
  return w.length ? w.join(' AND ') : '1';
}

/**
 * "First ready after the promised day ended" (compute.ts promiseBreach) as SQL on report_facts
 * `f`, with what it needs in `params`. The day ends at the shop's local midnight; in a zone whose
 * midnight is the same UTC time of the day before for every promised day that can matter to a
 * range (China: 16:00Z), the end is the promised date and that time, compared as text; otherwise
 * each day's end is looked up from a table of them (`promiseEnds` CTE).
 */
export function promiseBreachSql(w: ReportWindow, from: string, to: string, params: Record<string, unknown>, alias = 'f.'): { expr: string; cte: string | null; join: string } {
  // Only days whose end falls in the range can go either way: earlier ones are all broken by a
  // ticket ready in the range, later ones none.
  const lo = addDaysToDate(from, -1);
  const ends: Record<string, string> = {};
  let suffix: string | null = null;
  let uniform = true;
  for (let d = lo; d <= to; d = addDaysToDate(d, 1)) {
    const end = w.promiseEnds(d);
    ends[d] = end;
    if (suffix === null) suffix = end.slice(10);
    if (end.slice(0, 10) !== d || end.slice(10) !== suffix) uniform = false;
  }
  if (uniform && suffix) {
    params.promiseSuffix = suffix;
    return { expr: `(${alias}first_ready_at >= ${alias}promised_date || $promiseSuffix)`, cte: null, join: '' };
  }
  params.promiseLo = lo;
  params.promiseHi = to;
  params.promiseEnds = JSON.stringify(ends);
  return {
    expr: `(CASE WHEN ${alias}promised_date < $promiseLo THEN 1 WHEN ${alias}promised_date > $promiseHi THEN 0 ELSE ${alias}first_ready_at >= pe.ends END)`,
    cte: `promise_ends(day, ends) AS MATERIALIZED (SELECT key, value FROM json_each($promiseEnds))`,
    join: `LEFT JOIN promise_ends pe ON pe.day = ${alias}promised_date`,
  };
}
