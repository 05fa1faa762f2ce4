import type { InputOf } from '../../../../shared/api/contract';
import type { Procedures } from '../../../../shared/api/procedures';
import type { Workbench } from './types';

type Quote = NonNullable<Workbench['quote']['current']>;
type SaveLine = InputOf<Procedures['bench.quote.save']>['lines'][number];

/** A line of the quote being edited, before core prices it and decides who pays. */
export interface DraftLine {
  kind: 'labor' | 'fee' | 'part' | 'custom';
  priceItemId?: string;
  partId?: string;
  label: string;
  qty: number;
  unitPriceFen: number;
  reason: string;
  warrantyPart: string | null;
  available?: number;
  /** Custom lines: marked covered by the ticket's decision, and why (core refuses a mark the decision does not bear). */
  covered?: boolean;
  coverReason?: string;
}

/** The saved quote's lines as the editor starts from (none without a quote). */
export function draftOf(c: Quote | null): DraftLine[] {
  return (c?.lines ?? []).map((l) => ({
    kind: l.kind,
    priceItemId: l.priceItemId ?? undefined,
    partId: l.partId ?? undefined,
    label: l.description,
    qty: l.qty,
    unitPriceFen: l.unitPriceFen,
    reason: l.reason,
    warrantyPart: l.warrantyPart,
    available: l.availability?.available,
    covered: l.coverReason !== null,
    coverReason: l.coverReason ?? '',
  }));
}

/** The lines as `bench.quote.save` takes them: catalog lines by id (core prices them), free lines as typed. */
export function saveLinesOf(lines: DraftLine[]): SaveLine[] {
  return lines.map((l) =>
    l.kind === 'custom'
      ? { kind: 'custom' as const, description: l.label, unitPriceFen: l.unitPriceFen, reason: l.reason, qty: l.qty, warrantyPart: l.warrantyPart, covered: !!l.covered, coverReason: l.covered ? (l.coverReason ?? '') : '' }
      : l.kind === 'part'
        ? { kind: 'part' as const, partId: l.partId!, qty: l.qty, warrantyPart: l.warrantyPart }
        : { kind: l.kind, priceItemId: l.priceItemId!, qty: l.qty, warrantyPart: l.warrantyPart },
  );
}
