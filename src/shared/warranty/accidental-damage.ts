/**
 * Accidental damage (碎屏险 and the like): one claim over what all lines leave to the customer,
 * after the deductible, at the program's rate, within its per-claim and per-term caps, shared
 * out over the lines. The engine's last payer (rules in engine.ts).
 */
import { toDay } from './dates';
import type { Evaluation } from './evaluation';
import { allocate, mulDivRoundHalfUp } from '../money/exact';
import { reason } from './reason';
import type { AccidentalDamage, LineDecision, Reason } from './schemas';

export function accidentalDamage(ev: Evaluation, decisions: LineDecision[], remaining: number[]): void {
  const { today, findings } = ev;
  const adh = ev.programs.find(
    (p): p is AccidentalDamage =>
      p.kind === 'accidental_damage' &&
      today >= toDay(p.validFrom) &&
      today <= toDay(p.validTo) &&
      (p.covers ?? ['impact', 'liquid']).some((f) => findings.includes(f)),
  );
  if (!adh || ev.voidedBy.has('accidental_damage')) return;
  let claim = 0;
  for (const r of remaining) claim += r;
  if (claim <= 0) return;
  const base = Math.max(0, claim - adh.deductible);
  const byRate = mulDivRoundHalfUp(base, adh.discountBp, 10_000);
  const termLeft = Math.max(0, adh.capPerTerm - (adh.usedThisTerm ?? 0));
  const paid = Math.min(byRate, adh.capPerClaim, termLeft);
  const shares = allocate(paid, remaining);
  const extra: Reason[] = [];
  if (byRate > adh.capPerClaim && paid === adh.capPerClaim) extra.push(reason('accidentalCapped', { cap: adh.capPerClaim }));
  if (byRate > termLeft && paid === termLeft) extra.push(reason('accidentalTermExhausted', { left: termLeft }));
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    const share = shares[i]!;
    if (remaining[i]! === 0) continue;
    d.payers.insurer = share;
    d.payers.customer -= share;
    d.reasons.push(
      reason('accidentalDamage', {
        program: adh.id,
        percent: adh.discountBp / 100,
        deductible: adh.deductible,
        amount: share,
      }),
      ...extra,
    );
  }
}
