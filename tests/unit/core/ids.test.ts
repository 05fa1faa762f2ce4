import { describe, expect, it } from 'vitest';
import { uuidv7Generator, uuidv7Time } from '../../../src/shared/util/ids';
import { ManualClock } from '../../helpers/clock';
import { APP_VERSION } from '../../../src/core/version';
import pkg from '../../../package.json';

describe('UUIDv7 ids', () => {
  it('are RFC 9562 version 7, carry the clock time and sort in creation order even within one millisecond', () => {
    const clock = new ManualClock(Date.parse('2026-01-02T03:04:05.678Z'));
    const next = uuidv7Generator(clock);
    const ids = Array.from({ length: 5000 }, () => next());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv7Time(ids[0]!)).toBe(Date.parse('2026-01-02T03:04:05.678Z'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stay ordered when the clock steps backwards', () => {
    const clock = new ManualClock(Date.parse('2026-01-02T00:00:00Z'));
    const next = uuidv7Generator(clock);
    const a = next();
    clock.advance(-60_000);
    const b = next();
    expect(b > a).toBe(true);
  });
});

describe('version', () => {
  it('core knows the same version as package.json', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
