import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/shared/i18n/catalog';
import type { Locale } from '../../../src/shared/i18n/types';

/** The rejected words of docs/glossary.md's table: its last two columns, comma-separated. */
function rejected(): Record<Locale, string[]> {
  const text = fs.readFileSync(path.resolve(__dirname, '../../../docs/glossary.md'), 'utf8');
  const rows = text.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*(Thing|---)/.test(l));
  const cells = rows.map((r) => r.split('|').slice(1, -1).map((c) => c.trim()));
  const words = (i: number) => cells.flatMap((c) => c[i]!.split(',').map((w) => w.trim()).filter(Boolean));
  return { 'zh-CN': words(3), en: words(4) };
}

const uses = (text: string, word: string, locale: Locale) =>
  locale === 'zh-CN' ? text.includes(word) : new RegExp(`\\b${word.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}\\b`, 'i').test(text);

describe('the catalogs follow the glossary (docs/glossary.md)', () => {
  it('reads the glossary: 顾客 and client are rejected words', () => {
    const r = rejected();
    expect(r['zh-CN']).toContain('顾客');
    expect(r.en).toContain('client');
  });

  it('no message uses a rejected word', () => {
    const r = rejected();
    const found: string[] = [];
    for (const l of ['zh-CN', 'en'] as const)
      for (const [k, text] of Object.entries(catalog[l])) for (const w of r[l]) if (uses(text, w, l)) found.push(`${k} (${l}) uses “${w}”: ${text}`);
    expect(found).toEqual([]);
  });

  it('a rejected word is found where it stands alone, not inside another word', () => {
    expect(uses('请顾客签名', '顾客', 'zh-CN')).toBe(true);
    expect(uses('Estimated completion', 'estimate', 'en')).toBe(false);
    expect(uses('Picked up by', 'picked up', 'en')).toBe(true);
  });
});
