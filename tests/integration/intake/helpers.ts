import type { Backend } from '../../../src/core';
import type { IntakeInputRaw } from '../../../src/shared/tickets/schemas';
import { withCheckDigit } from '../../../src/shared/devices/imei';
import { testDate } from '../../helpers/clock';

let n = 0;
/** A fresh valid IMEI each call (TAC 86xxxxxx, Luhn-completed). */
export function imei(): string {
  n++;
  return withCheckDigit(`8612340${String(n).padStart(7, '0')}`);
}

/** A valid intake of a new customer and a new phone; override what a test is about. */
export function intakeInput(over: Partial<IntakeInputRaw> = {}): IntakeInputRaw {
  return {
    customer: { name: '王小明', phones: ['138 0013 8000'] },
    device: { category: 'phone', brand: '华为', model: 'Mate 60 Pro', imei: imei(), colour: '雅川青', purchaseDate: '2026-03-01', proof: { kind: 'invoice', invoiceNo: 'INV-001', invoiceDate: '2026-03-01', seller: '华为授权店' } },
    fault: { text: '屏幕碎裂，触摸失灵', codes: ['screen_broken'] },
    condition: { powers_on: 'ok', display: 'fault', cosmetic: 'fault', cosmeticNotes: '左上角裂痕' },
    accessories: { items: ['case'] },
    passcode: { kind: 'pin', value: '246810' },
    dataLossAck: true,
    // a week after the test clock's day (TEST_EPOCH 2026-11-23): in the future whenever the test runs
    promisedDate: testDate(7),
    depositFen: 5000,
    ...over,
  } as IntakeInputRaw;
}

export const count = (b: Backend, table: string) => (b.services.sqlite.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;

export async function fieldsOf(p: Promise<{ ok: boolean; error?: { details: Record<string, unknown> } } | { ok: true; data: unknown }>) {
  const r = await p;
  if (r.ok) return null;
  return ((r as { error: { details: { fields?: { path: string; message: string }[] } } }).error.details.fields ?? []).map((f) => f.path);
}
