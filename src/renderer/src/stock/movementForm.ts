import type { PartRow } from '../../../shared/stock/schemas';
import { parseYuan } from '../../../shared/money/yuan';
import { procedures } from '../../../shared/api/procedures';

export type MovementMode = 'receive' | 'issue' | 'return' | 'adjust' | 'faulty' | 'transferOut' | 'transferIn';

/** The call each movement makes. */
export const MOVEMENT_CALL = {
  receive: 'stock.receive',
  issue: 'stock.issue',
  return: 'stock.returnFromTicket',
  adjust: 'stock.adjust',
  faulty: 'stock.faultyReturn',
  transferOut: 'stock.transferOut',
  transferIn: 'stock.transferIn',
} as const;

/** What the movement form holds, as typed: one set of fields, shown by kind. */
export interface MovementValues extends Record<string, unknown> {
  qty: number | string;
  unitCost: string;
  supplier: string;
  deliveryNote: string;
  ticket: string;
  serials: string;
  reason: string;
  counterparty: string;
  override: boolean;
  removedSerial: string;
  removedDesc: string;
  toBin: boolean;
}

export const costed = (mode: MovementMode) => mode === 'receive' || mode === 'transferIn';

/** A typed list of serials, one per line (or separated by commas or spaces). */
export const serialLines = (s: string) =>
  s
    .split(/[\n,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function initialMovement(mode: MovementMode, part: PartRow): MovementValues {
  const cost = part.stock.avgCost ? String(part.stock.avgCost / 100) : part.cost ? String(part.cost / 100) : '';
  return { qty: mode === 'adjust' ? -1 : 1, unitCost: cost, supplier: '', deliveryNote: '', ticket: '', serials: '', reason: '', counterparty: '', override: false, removedSerial: '', removedDesc: '', toBin: true };
}

/** The input of the movement's call from the form (yuan to fen, the serial text to a list). */
export function movementInput(mode: MovementMode, part: PartRow, v: MovementValues) {
  const partId = part.id;
  const qty = typeof v.qty === 'number' ? v.qty : Number(v.qty);
  const serials = part.serialized ? serialLines(v.serials) : [];
  const unitCost = parseYuan(v.unitCost) ?? Number.NaN;
  switch (mode) {
    case 'receive':
      return { partId, qty, unitCost, supplier: v.supplier, deliveryNote: v.deliveryNote, serials };
    case 'issue':
      return { partId, ticket: v.ticket, qty, serials, override: v.override, ...(v.removedSerial || v.removedDesc ? { removed: { serial: v.removedSerial, description: v.removedDesc, toOldPartsBin: v.toBin } } : {}) };
    case 'return':
      return { partId, ticket: v.ticket, qty, serials, reason: v.reason };
    case 'adjust':
      return { partId, delta: qty, reason: v.reason, serials };
    case 'faulty':
      return { partId, qty, reason: v.reason, serials };
    case 'transferOut':
      return { partId, qty, counterparty: v.counterparty, reference: v.deliveryNote, serials };
    case 'transferIn':
      return { partId, qty, counterparty: v.counterparty, reference: v.deliveryNote, unitCost, serials };
  }
}

/** The schema of the movement's call: the contract's, so the form checks what the server checks. */
export const movementSchema = (mode: MovementMode) => procedures[MOVEMENT_CALL[mode]].input;

/** Where an error at an input path shows: `serials.3` at the serial list, `delta` at the quantity … */
export function movementField(path: string): string {
  if (path.startsWith('serials.')) return 'serials';
  if (path === 'delta') return 'qty';
  if (path === 'reference') return 'deliveryNote';
  if (path === 'removed.serial') return 'removedSerial';
  if (path === 'removed.description' || path === 'removed') return 'removedDesc';
  return path;
}
