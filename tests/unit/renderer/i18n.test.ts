import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog, catalogs } from '../../../src/shared/i18n/catalog';
import { LOCALES } from '../../../src/shared/i18n/types';

const RENDERER = path.resolve(__dirname, '../../../src/renderer/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(tsx?|jsx?)$/.test(e.name) ? [p] : [];
  });
}

const sources = sourceFiles(RENDERER).map((file) => ({ file: path.relative(RENDERER, file), text: fs.readFileSync(file, 'utf8') }));

describe('i18n catalogs', () => {
  it('every registered catalog has the same keys in every locale', () => {
    const problems: string[] = [];
    for (const [name, messages] of Object.entries(catalogs)) {
      const all = new Set(LOCALES.flatMap((l) => Object.keys(messages[l] ?? {})));
      for (const l of LOCALES) for (const k of all) if (!(k in (messages[l] ?? {}))) problems.push(`${name}: "${k}" missing in ${l}`);
    }
    expect(problems).toEqual([]);
  });

  it('no key is defined by two catalogs (a later one would silently win)', () => {
    const owner = new Map<string, string>();
    const dupes: string[] = [];
    for (const [name, messages] of Object.entries(catalogs))
      for (const k of Object.keys(messages['zh-CN'])) {
        if (owner.has(k)) dupes.push(`${k}: ${owner.get(k)} and ${name}`);
        owner.set(k, name);
      }
    expect(dupes).toEqual([]);
  });

  it('no translation is empty, and placeholders match across locales', () => {
    const problems: string[] = [];
    // a plain {name} or an ICU argument {name, plural, …} (its branches start with '#')
    const params = (s: string) => [...new Set([...s.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]))].sort().join(',');
    for (const k of Object.keys(catalog['zh-CN'])) {
      for (const l of LOCALES) if (!catalog[l][k]?.trim()) problems.push(`${k} empty in ${l}`);
      if (params(catalog['zh-CN'][k] ?? '') !== params(catalog.en[k] ?? '')) problems.push(`${k}: placeholders differ`);
    }
    expect(problems).toEqual([]);
  });
});

describe('renderer strings come from the catalogs', () => {
  it('finds the renderer sources', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it("every literal 'ui.…' key used in src/renderer exists", () => {
    // Any quoted literal that looks like a UI key, so keys passed through ternaries count too.
    const missing: string[] = [];
    for (const { file, text } of sources)
      for (const m of text.matchAll(/(['"])(ui\.[A-Za-z0-9_.-]+)\1/g)) if (!(m[2]! in catalog['zh-CN'])) missing.push(`${file}: ${m[2]}`);
    expect(missing).toEqual([]);
  });

  it('every t(`ui.${…}`) template key matches at least one catalog key', () => {
    const keys = Object.keys(catalog['zh-CN']);
    const missing: string[] = [];
    for (const { file, text } of sources)
      for (const m of text.matchAll(/\bt\(`(ui\.[^`]*)`/g)) {
        const pattern = new RegExp(`^${m[1]!.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[A-Za-z0-9_-]+')}$`);
        if (!keys.some((k) => pattern.test(k))) missing.push(`${file}: ${m[1]}`);
      }
    expect(missing).toEqual([]);
  });

  it('every literal key passed to t() exists in the catalog (UI and capability keys alike)', () => {
    // Guards against a typo such as t('setup.title') that would silently show the key itself.
    const bad: string[] = [];
    for (const { file, text } of sources)
      for (const m of text.matchAll(/\bt\((['"])([^'"]+)\1/g)) if (!(m[2]! in catalog['zh-CN'])) bad.push(`${file}: ${m[2]}`);
    expect(bad).toEqual([]);
  });
});
