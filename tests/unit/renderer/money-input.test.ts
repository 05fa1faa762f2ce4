import { describe, expect, it } from 'vitest';
import { toFen } from '../../../src/renderer/src/collection/format';
import { emptyIntake, toIntakeInput } from '../../../src/renderer/src/counter/intakeForm';

/** The renderer's own entry points for typed amounts go through the shared parser. */
describe('renderer money inputs', () => {
  it('toFen (payments, refunds, counted cash, claims) reads what a person types', () => {
    expect(toFen('１２９９．５')).toBe(129950);
    expect(toFen('¥1,299.5')).toBe(129950);
    expect(toFen('1299.50元')).toBe(129950);
    expect(toFen(1.15)).toBe(115);
    expect(toFen('')).toBeUndefined();
    expect(toFen('12.345')).toBeUndefined();
  });
  it('the intake deposit: typed yuan → fen exactly; empty → no deposit', () => {
    const f = { ...emptyIntake('2026-11-23'), depositYuan: 19.99 as number | '' };
    expect(toIntakeInput(f, 'Asia/Shanghai').depositFen).toBe(1999);
    expect(toIntakeInput({ ...f, depositYuan: '' }, 'Asia/Shanghai').depositFen).toBe(0);
  });
  it('the warranty claim is sent as answered; unanswered is not a claim', () => {
    const f = emptyIntake('2026-11-23');
    expect(f.warrantyClaimed).toBeNull();
    expect(toIntakeInput(f, 'Asia/Shanghai').warrantyClaimed).toBe(false);
    expect(toIntakeInput({ ...f, warrantyClaimed: true }, 'Asia/Shanghai').warrantyClaimed).toBe(true);
  });
});
