/**
 * A ticket's warranty label, from what was decided rather than what was asked: the latest quote
 * (its lines carry the engine's decision and payer split) and a 三包 outcome. Before there is a
 * quote the label is only the customer's claim, and says so ("claimed, not decided yet").
 */
import { z } from 'zod';
import { FINDINGS, type Finding } from '../warranty/schemas';

export const COVERAGE_LABELS = ['claimed', 'not_claimed', 'covered', 'partly_covered', 'paid', 'excluded'] as const;
export const ticketCoverageSchema = z.object({
  label: z.enum(COVERAGE_LABELS),
  /** For `excluded`: the intake/bench findings that voided the cover (shown by name). */
  findings: z.array(z.enum(FINDINGS)),
});
export type TicketCoverage = z.infer<typeof ticketCoverageSchema>;

export interface CoverageFacts {
  warrantyClaimed: boolean;
  findings: Finding[];
  /** The latest quote's customer total and what the other payers carry; null = no quote yet. */
  quote: { customerFen: number; coveredFen: number } | null;
  /** A 三包 exchange or return was recorded: the maker answers for it. */
  sanbao: boolean;
}

export function ticketCoverage(f: CoverageFacts): TicketCoverage {
  if (f.sanbao) return { label: 'covered', findings: [] };
  if (!f.quote) return { label: f.warrantyClaimed ? 'claimed' : 'not_claimed', findings: [] };
  if (f.quote.coveredFen > 0) return { label: f.quote.customerFen === 0 ? 'covered' : 'partly_covered', findings: [] };
  if (f.quote.customerFen === 0) return { label: f.warrantyClaimed ? 'claimed' : 'not_claimed', findings: [] };
  // Nothing covered: where a finding voided the cover, say which; otherwise it is simply paid.
  return f.findings.length > 0 ? { label: 'excluded', findings: f.findings } : { label: 'paid', findings: [] };
}
