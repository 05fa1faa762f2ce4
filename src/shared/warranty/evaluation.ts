import type { PeriodEnds } from './period-ends';
import type { StartBasis } from './period-start';
import type { CategoryPolicy, EvaluationInput, Finding, Line, Reason, SanbaoOption, Scope } from './schemas';

/** What the engine's phases share about one evaluation (see engine.ts); `reasons` collects the decision's reasons in order. */
export interface Evaluation {
  input: EvaluationInput;
  policy: CategoryPolicy;
  device: EvaluationInput['device'];
  findings: readonly Finding[];
  history: NonNullable<EvaluationInput['history']>;
  programs: NonNullable<EvaluationInput['programs']>;
  lines: readonly Line[];
  current: EvaluationInput['current'];
  today: number;
  voidedBy: Map<Scope, Finding>;
  start: number | null;
  saleDay: number | null;
  basis: StartBasis;
  allowed: ReadonlySet<SanbaoOption>;
  /** The whole unit's last day (extended and rolled); null without a start. */
  unitEnd: number | null;
  excludedDays: number;
  periods: PeriodEnds;
  reasons: Reason[];
}
