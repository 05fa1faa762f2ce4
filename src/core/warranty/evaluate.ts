/**
 * `evaluateForDevice`: the warranty decision for a device, for the `warranty.evaluate` procedure
 * and for other capabilities (intake, quotes, collection) inside their own transactions.
 * Loads the policy and holiday calendar from the database, adds the programs recorded for the
 * device, defaults "today" to the shop's local date, checks the input (never guesses), runs the
 * pure engine and renders the reasons in the caller's language.
 */
import type { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import type { Locale } from '../../shared/i18n/types';
import { localDate } from '../../shared/time/local-date';
import { evaluate } from '../../shared/warranty/engine';
import { formatReason } from '../../shared/warranty/format';
import type { CategoryPolicy, Decision, EvaluationInput, Program } from '../../shared/warranty/schemas';
import { collectIssues } from '../../shared/warranty/validate';
import type { DecisionText, EvaluateResult, evaluateRequestSchema } from '../../shared/warranty/procedures';
import type { Ctx } from '../api/context';
import { requireShop } from '../shop/settings';
import { activeCalendarRow, compiledCalendarOf, resolvePolicy } from './store';
import { programsOfDevice } from './programs';

export type EvaluateForDeviceInput = z.output<typeof evaluateRequestSchema>;
type EvalCtx = Pick<Ctx, 'db' | 'sqlite' | 'clock' | 'locale'>;

/** The shop's calendar date now ('YYYY-MM-DD' in its time zone). */
export async function shopToday(ctx: Pick<Ctx, 'db' | 'clock'>): Promise<string> {
  const shop = await requireShop(ctx.db);
  return localDate(ctx.clock.now(), shop.settings.timeZone);
}

export function decisionText(decision: Decision, locale: Locale, policy?: CategoryPolicy): DecisionText {
  const f = (r: Decision['reasons'][number]) => formatReason(r, locale, policy);
  return {
    reasons: decision.reasons.map(f),
    lines: decision.lines.map((l) => l.reasons.map(f)),
    options: decision.options.map((o) => o.reasons.map(f)),
    loaner: decision.loaner.reasons.map(f),
  };
}

export async function evaluateForDevice(ctx: EvalCtx, input: EvaluateForDeviceInput): Promise<EvaluateResult> {
  const { row, policy } = await resolvePolicy(ctx, input);
  const today = input.today ?? (await shopToday(ctx));
  let programs: Program[] = input.programs ?? [];
  if (input.deviceId !== undefined) {
    const held = await programsOfDevice(ctx.db, input.deviceId);
    // Request programs first, so field paths (programs.N) name what the caller sent.
    if (held.length > 0) programs = [...programs, ...held.map((h) => h.program)];
  }
  const engineInput: EvaluationInput = {
    policy,
    device: { ...input.device, category: policy.category },
    programs,
    findings: input.findings ?? [],
    history: input.history ?? [],
    current: input.current,
    today,
    lines: input.lines ?? [],
  };
  const issues = collectIssues(engineInput);
  if (issues.length > 0) throw new AppError('VALIDATION', { fields: issues });
  const calRow = await activeCalendarRow(ctx.db);
  const decision = evaluate(engineInput, { calendar: compiledCalendarOf(ctx.sqlite, calRow) });
  return {
    today,
    policy: { id: policy.id, version: policy.version, name: policy.name, source: row.source },
    decision,
    text: decisionText(decision, ctx.locale, policy),
  };
}
