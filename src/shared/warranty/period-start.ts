/**
 * The engine's first phases: which scopes the findings void, where the period starts and on what
 * proof, and which 三包 options that proof allows (see engine.ts for the rules).
 */
import { fromDay, toDay } from './dates';
import { reason } from './reason';
import type { CategoryPolicy, Decision, EvaluationInput, Finding, Reason, ReasonCode, SanbaoOption, Scope } from './schemas';

export type StartBasis = Decision['startBasis'];

export const ALL_SANBAO: ReadonlySet<SanbaoOption> = new Set(['return', 'exchange', 'repair']);

/** Which scopes are void, and the finding to name for each (the first finding that voids it). */
export function voidedScopes(policy: CategoryPolicy, findings: readonly Finding[], reasons: Reason[]): Map<Scope, Finding> {
  const voidedBy = new Map<Scope, Finding>();
  for (const f of findings) {
    for (const s of policy.exclusions[f] ?? []) if (!voidedBy.has(s)) voidedBy.set(s, f);
  }
  for (const f of findings) reasons.push(reason('excluded', { finding: f }));
  return voidedBy;
}

export interface PeriodStart {
  start: number | null;
  /** The sale day the 7/15-day windows count from; null without a sale proof. */
  saleDay: number | null;
  basis: StartBasis;
  allowed: ReadonlySet<SanbaoOption>;
}

export function periodStart(policy: CategoryPolicy, device: EvaluationInput['device'], findings: readonly Finding[], reasons: Reason[]): PeriodStart {
  const noProof = !device.hasInvoice || findings.includes('no_proof');
  let start: number | null = null;
  let saleDay: number | null = null;
  let basis: StartBasis = 'none';
  let allowed: ReadonlySet<SanbaoOption> = ALL_SANBAO;
  if (!noProof && device.invoiceDate !== undefined) {
    saleDay = start = toDay(device.invoiceDate);
    basis = 'invoice';
    if (policy.startsAtInstallation && device.installDate !== undefined) {
      start = toDay(device.installDate);
      basis = 'installation';
    }
  } else if (
    device.otherProofDate !== undefined &&
    !findings.includes('no_proof') &&
    policy.noInvoice.otherProofOptions.length > 0
  ) {
    saleDay = start = toDay(device.otherProofDate);
    basis = 'other_proof';
    allowed = new Set(policy.noInvoice.otherProofOptions);
  } else if (device.factoryDate !== undefined && policy.noInvoice.factoryOffsetDays !== null) {
    // "以出厂日期后第90日为三包有效期的起始日期": factory day + 90 is the start (day 0).
    start = toDay(device.factoryDate) + policy.noInvoice.factoryOffsetDays;
    basis = 'factory_offset';
    allowed = new Set(policy.noInvoice.factoryOptions);
  }
  if (start !== null && device.exchangeDate !== undefined && toDay(device.exchangeDate) > start) {
    start = toDay(device.exchangeDate);
    basis = 'exchange';
  }
  if (start === null) reasons.push(reason('noStartDate'));
  else {
    const code: ReasonCode =
      basis === 'invoice'
        ? 'startInvoice'
        : basis === 'installation'
          ? 'startInstallation'
          : basis === 'exchange'
            ? 'startExchange'
            : basis === 'other_proof'
              ? 'startOtherProof'
              : 'startFactoryOffset';
    reasons.push(
      reason(code, basis === 'factory_offset' ? { date: fromDay(start), days: policy.noInvoice.factoryOffsetDays ?? 0 } : { date: fromDay(start) }),
    );
  }
  return { start, saleDay, basis, allowed };
}
