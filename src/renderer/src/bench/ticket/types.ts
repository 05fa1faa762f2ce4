import type { OutputOf } from '../../../../shared/api/contract';
import type { Procedures } from '../../../../shared/api/procedures';
import { parseYuan } from '../../../../shared/money';

export type Workbench = OutputOf<Procedures['bench.workbench']>;
export type Approval = { username: string; pin: string };

/** What every card of the bench gets: the ticket's workbench as last loaded. */
export type CardProps = { wb: Workbench };

export const PAYERS = ['customer', 'maker', 'shop', 'extended_warranty', 'insurer'] as const;
/** The statuses in which the diagnosis and the quote can still be changed. */
export const EDITABLE = ['diagnosing', 'awaiting_approval', 'repairing', 'awaiting_parts'];
// Typed yuan → fen by the shared parser (empty reads as 0 here).
export const yuan = (v: number | string) => parseYuan(v) ?? 0;

/** A file as the bench's calls carry it (photos, a scanned paper authorization). */
export async function base64Of(file: File): Promise<string> {
  return btoa(String.fromCharCode(...new Uint8Array(await file.arrayBuffer())));
}
