import { describe, expect, it } from 'vitest';
import { planSearch, ftsPhrase } from '../../../src/shared/search/classify';

describe('search planning', () => {
  it('treats 4+ digits as a phone suffix, a ticket sequence and an IMEI fragment at once', () => {
    expect(planSearch('8000')).toMatchObject({ phoneSuffix: '8000', ticket: { seq: 8000, yymm: null }, fullText: '8000', short: null });
  });

  it('reads a whole phone number typed with spaces or +86 as its digits', () => {
    expect(planSearch('+86 138 0013 8000').phoneSuffix).toBe('13800138000');
    expect(planSearch('0755-8321 6688').phoneSuffix).toBe('075583216688');
  });

  it('knows ticket numbers with or without the shop prefix', () => {
    expect(planSearch('SZ01-2611-0042').ticket).toEqual({ shopCode: 'SZ01', yymm: '2611', seq: 42 });
    expect(planSearch('2611-0042').ticket).toEqual({ shopCode: null, yymm: '2611', seq: 42 });
  });

  it('sends 1–2 characters to the prefix/suffix lookups and 3+ to the trigram index', () => {
    expect(planSearch('张伟')).toMatchObject({ short: '张伟', fullText: null, phoneSuffix: null, ticket: null });
    expect(planSearch('王小明')).toMatchObject({ short: null, fullText: '王小明' });
    expect(planSearch('Mate 60')).toMatchObject({ fullText: 'Mate 60', phoneSuffix: null });
  });

  it('quotes a fragment for FTS so its punctuation is data', () => {
    expect(ftsPhrase('a"b OR c')).toBe('"a""b OR c"');
  });
});
