import { describe, expect, it } from 'vitest';
import { routeScan, scanFieldOf } from '../../../src/renderer/src/hooks/scan-route';

describe('where a scan goes', () => {
  it('a scan field with its own Enter (the bench scan box) gets the code and the Enter, nothing else does', () => {
    expect(routeScan('enter', true)).toEqual({ stopEnter: false, restoreField: false, toHandlers: false });
  });

  it('a field that takes scans as text (an IMEI) keeps the code, and the Enter never submits its form', () => {
    expect(routeScan('text', true)).toEqual({ stopEnter: true, restoreField: false, toHandlers: true });
  });

  it('any other field gets its own text back and the code goes to the screen', () => {
    expect(routeScan(null, true)).toEqual({ stopEnter: true, restoreField: true, toHandlers: true });
  });

  it('with no field focused the code goes to the screen and the Enter is stopped', () => {
    expect(routeScan(null, false)).toEqual({ stopEnter: true, restoreField: false, toHandlers: true });
  });

  it('only the two marks name a scan field', () => {
    expect(scanFieldOf('enter')).toBe('enter');
    expect(scanFieldOf('text')).toBe('text');
    expect(scanFieldOf(undefined)).toBeNull();
    expect(scanFieldOf('yes')).toBeNull();
  });
});
