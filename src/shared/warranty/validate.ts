/**
 * Input checks. Two layers, on purpose:
 * - `parseEvaluationInput` runs the zod schema (shape, types, date format) and then the rules
 *   below; procedures call it at the boundary.
 * - `assertValidInput` is the rules zod cannot express (date order, "not after today", the
 *   device matching its policy). It is cheap, and `evaluate` runs it on every call, so the engine
 *   never guesses from inconsistent input even when a caller skipped the boundary.
 * Every failure is an AppError('VALIDATION') naming each offending field with an i18n key.
 */
import { AppError } from '../api/errors';
import type { Params } from '../i18n/types';
import { isIsoDate, toDay } from './dates';
import { CATEGORY_IDS, FINDINGS, MAX_FEN, evaluationInputSchema, type EvaluationInput } from './schemas';

type Issue = { path: string; key: string; params?: Params };

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_IDS);
const FINDING_SET: ReadonlySet<string> = new Set(FINDINGS);

function checkAmount(issues: Issue[], path: string, v: unknown): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) issues.push({ path, key: 'warranty.error.invalidAmount' });
  else if (v < 0) issues.push({ path, key: 'warranty.error.negativeAmount' });
  else if (!Number.isInteger(v)) issues.push({ path, key: 'warranty.error.notWholeFen' });
  else if (v > MAX_FEN) issues.push({ path, key: 'warranty.error.invalidAmount' });
}

/** Returns the day number of a valid optional date, pushes an issue for an invalid one. */
function day(issues: Issue[], path: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!isIsoDate(v)) {
    issues.push({ path, key: 'warranty.error.invalidDate' });
    return undefined;
  }
  return toDay(v);
}

export function collectIssues(input: EvaluationInput): Issue[] {
  const issues: Issue[] = [];
  const { policy, device } = input;
  const today = day(issues, 'today', input.today);
  if (input.today === undefined) issues.push({ path: 'today', key: 'warranty.error.invalidDate' });

  if (!CATEGORY_SET.has(device.category))
    issues.push({ path: 'device.category', key: 'warranty.error.unknownCategory', params: { category: String(device.category) } });
  else if (device.category !== policy.category)
    issues.push({
      path: 'device.category',
      key: 'warranty.error.categoryMismatch',
      params: { category: device.category, policyCategory: policy.category },
    });
  checkAmount(issues, 'device.purchasePrice', device.purchasePrice);

  const invoice = day(issues, 'device.invoiceDate', device.invoiceDate);
  const factory = day(issues, 'device.factoryDate', device.factoryDate);
  const other = day(issues, 'device.otherProofDate', device.otherProofDate);
  const install = day(issues, 'device.installDate', device.installDate);
  const exchange = day(issues, 'device.exchangeDate', device.exchangeDate);
  if (device.hasInvoice && device.invoiceDate === undefined)
    issues.push({ path: 'device.invoiceDate', key: 'warranty.error.invoiceDateRequired' });

  const notAfterToday = (path: string, d: number | undefined, key = 'warranty.error.dateAfterToday') => {
    if (d !== undefined && today !== undefined && d > today) issues.push({ path, key });
  };
  notAfterToday('device.invoiceDate', invoice, 'warranty.error.purchaseAfterToday');
  notAfterToday('device.otherProofDate', other, 'warranty.error.purchaseAfterToday');
  notAfterToday('device.factoryDate', factory);
  notAfterToday('device.installDate', install);
  notAfterToday('device.exchangeDate', exchange);
  if (factory !== undefined) {
    for (const [path, d] of [
      ['device.invoiceDate', invoice],
      ['device.otherProofDate', other],
      ['device.installDate', install],
      ['device.exchangeDate', exchange],
    ] as const) {
      if (d !== undefined && d < factory) issues.push({ path, key: 'warranty.error.beforeFactoryDate' });
    }
  }
  const sale = invoice ?? other;
  if (sale !== undefined && exchange !== undefined && exchange < sale)
    issues.push({ path: 'device.exchangeDate', key: 'warranty.error.beforePurchase' });
  if (sale !== undefined && install !== undefined && install < sale)
    issues.push({ path: 'device.installDate', key: 'warranty.error.beforePurchase' });

  const findings = input.findings ?? [];
  for (let i = 0; i < findings.length; i++) {
    if (!FINDING_SET.has(findings[i]!)) issues.push({ path: `findings.${i}`, key: 'warranty.error.unknownFinding' });
  }

  const history = input.history ?? [];
  for (let i = 0; i < history.length; i++) {
    const r = history[i]!;
    const p = `history.${i}`;
    const sent = day(issues, `${p}.sentIn`, r.sentIn);
    const back = day(issues, `${p}.returnedOn`, r.returnedOn);
    notAfterToday(`${p}.sentIn`, sent);
    notAfterToday(`${p}.returnedOn`, back);
    if (sent !== undefined && back !== undefined && back < sent)
      issues.push({ path: `${p}.returnedOn`, key: 'warranty.error.returnedBeforeSentIn' });
    const wait = r.partsWaitDays ?? 0;
    if (!Number.isInteger(wait) || wait < 0) issues.push({ path: `${p}.partsWaitDays`, key: 'warranty.error.negativeDays' });
    else if (sent !== undefined && back !== undefined && back >= sent && wait > back - sent)
      issues.push({ path: `${p}.partsWaitDays`, key: 'warranty.error.partsWaitTooLong' });
    const parts = r.partsReplaced ?? [];
    for (let j = 0; j < parts.length; j++) {
      const done = day(issues, `${p}.partsReplaced.${j}.completedOn`, parts[j]!.completedOn);
      notAfterToday(`${p}.partsReplaced.${j}.completedOn`, done);
    }
  }

  if (input.current) {
    const c = input.current;
    const sent = day(issues, 'current.sentIn', c.sentIn);
    notAfterToday('current.sentIn', sent);
    const wait = c.partsWaitDays ?? 0;
    if (!Number.isInteger(wait) || wait < 0) issues.push({ path: 'current.partsWaitDays', key: 'warranty.error.negativeDays' });
    else if (sent !== undefined && today !== undefined && wait > today - sent)
      issues.push({ path: 'current.partsWaitDays', key: 'warranty.error.partsWaitTooLong' });
  }

  const programs = input.programs ?? [];
  for (let i = 0; i < programs.length; i++) {
    const pr = programs[i]!;
    if (pr.kind === 'extended_warranty') continue;
    const from = day(issues, `programs.${i}.validFrom`, pr.validFrom);
    const to = day(issues, `programs.${i}.validTo`, pr.validTo);
    if (from !== undefined && to !== undefined && to < from)
      issues.push({ path: `programs.${i}.validTo`, key: 'warranty.error.programDates' });
    if (pr.kind === 'accidental_damage') {
      checkAmount(issues, `programs.${i}.deductible`, pr.deductible);
      checkAmount(issues, `programs.${i}.capPerClaim`, pr.capPerClaim);
      checkAmount(issues, `programs.${i}.capPerTerm`, pr.capPerTerm);
      checkAmount(issues, `programs.${i}.usedThisTerm`, pr.usedThisTerm ?? 0);
    }
  }

  const lines = input.lines ?? [];
  for (let i = 0; i < lines.length; i++) checkAmount(issues, `lines.${i}.price`, lines[i]!.price);
  return issues;
}

export function assertValidInput(input: EvaluationInput): void {
  const issues = collectIssues(input);
  if (issues.length > 0) throw new AppError('VALIDATION', { fields: issues });
}

/**
 * The boundary parser: zod shape check, then the rules above. zod messages that are our own
 * keys ('warranty.error.invalidDate') pass through; zod's own codes map to the shared
 * 'validation.<code>' keys.
 */
export function parseEvaluationInput(raw: unknown): EvaluationInput {
  const r = evaluationInputSchema.safeParse(raw);
  if (!r.success) {
    throw new AppError('VALIDATION', {
      fields: r.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        key: i.message.startsWith('warranty.') ? i.message : `validation.${i.code}`,
      })),
    });
  }
  assertValidInput(r.data);
  return r.data;
}
