import { describe, expect, it } from 'vitest';
import { detectScan, EMPTY_SCANNER_STATE, scannerStep } from '../../../src/renderer/src/hooks/scanner-timing';

/** Keystrokes of `text` then Enter, `gap` ms apart, starting at `start`. */
function keys(text: string, gap: number | number[], start = 1000) {
  const gaps = Array.isArray(gap) ? gap : Array(text.length + 1).fill(gap);
  let at = start;
  return [...text.split(''), 'Enter'].map((key, i) => ({ key, at: (at += i === 0 ? 0 : gaps[i - 1]!) }));
}

describe('barcode scanner timing', () => {
  it('a fast burst ending in Enter is a scan', () => {
    expect(detectScan(keys('SH01-2501-0007', 8))).toBe('SH01-2501-0007');
  });

  it('human typing (80–200 ms between keys) is not', () => {
    expect(detectScan(keys('SH01-2501-0007', 120))).toBeNull();
    expect(detectScan(keys('abcdefgh', [90, 150, 80, 200, 110, 95, 130, 100]))).toBeNull();
  });

  it('a burst shorter than six characters is not a scan', () => {
    expect(detectScan(keys('12345', 5))).toBeNull();
    expect(detectScan(keys('123456', 5))).toBe('123456');
  });

  it('one slow gap in the middle breaks the burst; only the fast tail counts', () => {
    // "ab" typed by hand, then a scanner burst of 8: the scan is the burst alone.
    const seq = [
      { key: 'a', at: 0 },
      { key: 'b', at: 150 },
      ...keys('86123456', 10, 400),
    ];
    expect(detectScan(seq)).toBe('86123456');
    // A pause of 60 ms inside leaves too few fast characters before Enter.
    expect(detectScan(keys('ABCDEFG', [10, 10, 10, 60, 10, 10, 10]))).toBeNull();
  });

  it('Enter long after the last character is a person pressing Enter', () => {
    expect(detectScan(keys('ABCDEFGH', [5, 5, 5, 5, 5, 5, 5, 400]))).toBeNull();
  });

  it('modifier keys between characters (Shift for capitals) do not break a burst', () => {
    const seq = [
      { key: 'Shift', at: 0 },
      { key: 'A', at: 2 },
      { key: 'Shift', at: 4 },
      { key: 'B', at: 6 },
      ...keys('123456', 5, 10),
    ];
    expect(detectScan(seq)).toBe('AB123456');
  });

  it('resets after a scan so the next one starts clean', () => {
    let s = EMPTY_SCANNER_STATE;
    for (const k of keys('ABCDEF', 5)) s = scannerStep(s, k.key, k.at).state;
    expect(s).toEqual(EMPTY_SCANNER_STATE);
  });

  it('thresholds are options', () => {
    expect(detectScan(keys('ABCD', 40), { minLength: 4, maxGapMs: 50 })).toBe('ABCD');
  });
});
