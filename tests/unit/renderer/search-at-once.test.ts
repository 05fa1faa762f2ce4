import { describe, expect, it } from 'vitest';
import { asksAtOnce } from '../../../src/renderer/src/search/useSearch';

describe('global search asks without waiting for the typist to pause', () => {
  it('for a ticket number with its month, with or without the shop prefix', () => {
    for (const q of ['SZ01-2612-0143', 'sz01-2612-0143', '2612-0143', '2612-14']) expect(asksAtOnce(q), q).toBe(true);
  });

  it('for a whole mobile number, however it is spaced', () => {
    for (const q of ['13800138000', '138 0013 8000', '138-0013-8000']) expect(asksAtOnce(q), q).toBe(true);
  });

  it('not for fragments: a sequence alone, phone digits, a name, a month without its sequence', () => {
    for (const q of ['0143', '8000', '1380013800', '张伟', 'iPhone', '2612-', '2613-0001']) expect(asksAtOnce(q), q).toBe(false);
  });
});
