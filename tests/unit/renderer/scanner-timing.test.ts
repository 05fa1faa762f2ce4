import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectScan, EMPTY_SCANNER_STATE, scannerStep } from '../../../src/renderer/src/hooks/scanner-timing';

/** Keystrokes of `text` then Enter, `gap` ms apart (or the given gaps, Enter's last), starting at `start`. */
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
    // a quick typist: 55–75 ms a key is still far slower than any scanner
    expect(detectScan(keys('13800138000', [60, 55, 70, 58, 62, 75, 57, 66, 61, 59, 64]))).toBeNull();
  });

  it('a burst shorter than six characters is not a scan', () => {
    expect(detectScan(keys('12345', 5))).toBeNull();
    expect(detectScan(keys('123456', 5))).toBe('123456');
  });

  it('one hiccup inside a code keeps the whole code (the ticket number is not cut at the gap)', () => {
    // the reported case: a gap over 30 ms after "SZ01-261" used to leave "2-0002" as the scan
    const gaps = [6, 7, 5, 8, 6, 7, 6, 45, 6, 7, 5, 6, 8, 9];
    expect(detectScan(keys('SZ01-2612-0002', gaps))).toBe('SZ01-2612-0002');
    // a hiccup of 60 ms and another of 90 ms in one code
    expect(detectScan(keys('ABCDEFGHIJKL', [10, 10, 60, 10, 10, 10, 10, 90, 10, 10, 10, 10]))).toBe('ABCDEFGHIJKL');
  });

  it('keys typed by hand just before a scan are not part of it', () => {
    const seq = [{ key: 'a', at: 0 }, { key: 'b', at: 150 }, ...keys('86123456', 10, 400)];
    expect(detectScan(seq)).toBe('86123456');
    // even when the person's last key was only 100 ms before the scanner's first
    const close = [{ key: 'x', at: 0 }, { key: 'y', at: 90 }, ...keys('SZ01-2612-0002', 8, 190)];
    expect(detectScan(close)).toBe('SZ01-2612-0002');
    // one key 120 ms before the scanner's first: longer than any scanner hiccup, so a person's
    expect(detectScan([{ key: 'z', at: 0 }, ...keys('SZ01-2612-0002', 8, 120)])).toBe('SZ01-2612-0002');
    // but a hiccup of 80 ms right after a code's first character keeps that character
    expect(detectScan(keys('SZ01-2612-0002', [80, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8]))).toBe('SZ01-2612-0002');
  });

  it('traces recorded from a keyboard-wedge scanner: jitter, a 30+ ms gap mid-burst, a slow first key', () => {
    // HQB1-2611-0001 read at 3–11 ms a key with a 34 ms gap after the shop code
    expect(detectScan(keys('HQB1-2611-0001', [4, 9, 3, 34, 7, 11, 5, 6, 8, 4, 10, 5, 7, 6]))).toBe('HQB1-2611-0001');
    // the same code with two slow gaps (41 and 37 ms) and the Enter late at 28 ms
    expect(detectScan(keys('HQB1-2611-0001', [5, 41, 6, 4, 8, 5, 37, 6, 5, 9, 4, 6, 7, 28]))).toBe('HQB1-2611-0001');
    // the first key 70 ms before the rest (the scanner waking up), then 4–8 ms
    expect(detectScan(keys('6901234567892', [70, 5, 4, 6, 8, 5, 4, 7, 6, 5, 4, 6, 5]))).toBe('6901234567892');
  });

  it('a fast typist at 35–50 ms a key, with Enter, is still a person', () => {
    expect(detectScan(keys('HQB1-2611-0001', [38, 45, 36, 50, 41, 35, 47, 39, 44, 42, 37, 48, 40, 60]))).toBeNull();
  });

  it('Enter long after the last character is a person pressing Enter', () => {
    expect(detectScan(keys('ABCDEFGH', [5, 5, 5, 5, 5, 5, 5, 400]))).toBeNull();
  });

  it('modifier keys between characters (Shift for capitals) do not break a burst', () => {
    const seq = [{ key: 'Shift', at: 0 }, { key: 'A', at: 2 }, { key: 'Shift', at: 4 }, { key: 'B', at: 6 }, ...keys('123456', 5, 10)];
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

  // Scanner timings as keyboard-wedge scanners produce them: 2–16 ms a key (USB polling), and now
  // and then a hiccup of 20–100 ms; people: 55–300 ms a key.
  const code = fc.stringMatching(/^[A-Z0-9-]{6,24}$/);
  const scannerGaps = fc.array(fc.integer({ min: 2, max: 16 }), { minLength: 25, maxLength: 25 });
  it('any code with a scanner hiccup anywhere is read whole', () => {
    fc.assert(
      fc.property(code, scannerGaps, fc.nat(24), fc.integer({ min: 20, max: 100 }), (text, base, at, hiccup) => {
        const gaps = base.slice(0, text.length);
        gaps[at % (text.length - 1)] = hiccup;
        expect(detectScan(keys(text, gaps))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('a longer code with two hiccups apart is read whole', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9-]{12,24}$/), scannerGaps, fc.nat(24), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 20, max: 100 }), fc.integer({ min: 20, max: 100 }), (text, base, at, apart, h1, h2) => {
        const gaps = base.slice(0, text.length);
        const first = at % (text.length - 1 - apart);
        gaps[first] = h1;
        gaps[first + apart] = h2;
        expect(detectScan(keys(text, gaps))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('no hand typing is ever taken for a scan', () => {
    fc.assert(
      fc.property(code, fc.array(fc.integer({ min: 55, max: 300 }), { minLength: 25, maxLength: 25 }), (text, gaps) => {
        expect(detectScan(keys(text, gaps.slice(0, text.length)))).toBeNull();
      }),
    );
  });
});
