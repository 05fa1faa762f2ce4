/**
 * The catalog guard: pure functions over a source tree and a catalog, so the test runs them on the
 * real src and catalog and, to show they work, on a scratch tree and a catalog with planted faults.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { LOCALES, type Locale } from '../../../src/shared/i18n/types';

export type Catalog = Record<Locale, Record<string, string>>;
export interface Source {
  file: string;
  text: string;
}

/** Catalog files define keys; they do not count as using them. */
const CATALOG_FILE = /(^|\/)(messages|hq-refusals)\.ts$|(^|\/)shared\/i18n\/(ui\/|catalog\.ts$)/;

export function readSources(root: string): Source[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : /\.tsx?$/.test(e.name) ? [p] : [];
    });
  return walk(root)
    .map((f) => ({ file: path.relative(root, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }))
    .filter((s) => !CATALOG_FILE.test(s.file));
}

const KEY = String.raw`[A-Za-z][\w-]*(?:\.[\w-]+)+`;
// A key handed to a translating call (t, tt, tr, L… with or without a locale first) or named as a
// message's key (`key:`, `message:`, `titleKey:` …), where a typo would show the key itself.
const CALL_LITERAL = new RegExp(
  String.raw`(?:\b(?:t|tt|tr|L|translate|label|head)\(\s*(?:(['"])(?:zh-CN|en)\1\s*,\s*|[\w.]+\s*,\s*)?|\b(?:key|message|titleKey|reasonKey|labelKey)\s*:\s*)(['"])(${KEY})\2`,
  'g',
);
const ANY_LITERAL = new RegExp(String.raw`(['"\`])(${KEY})\1`, 'g');
// `prefix.${…}`: a key built at run time; its prefix must be a listed family.
// `x.${string}` is a template literal type, not a key being built
const TEMPLATE = /`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{(?!string\})/g;

/** Every key used exists in every language; every key is used; every built key is a listed family. */
export function keyProblems(sources: Source[], catalog: Catalog, families: readonly string[]): string[] {
  const problems: string[] = [];
  const keys = [...new Set(LOCALES.flatMap((l) => Object.keys(catalog[l])))];
  const known = (k: string) => LOCALES.every((l) => k in catalog[l]);
  const inFamily = (k: string) => families.some((f) => k.startsWith(f));
  // a literal under a family of two or more segments is one of its keys; `audit.list` is a procedure
  const looksLikeKey = (k: string) => k.startsWith('ui.') || families.some((f) => f.split('.').length > 2 && k.startsWith(f));
  const used = new Set<string>();
  for (const { file, text } of sources) {
    for (const m of text.matchAll(CALL_LITERAL)) if (!known(m[3]!)) problems.push(`${file}: key "${m[3]}" is not in both languages`);
    for (const m of text.matchAll(ANY_LITERAL)) {
      used.add(m[2]!);
      if (looksLikeKey(m[2]!) && !known(m[2]!)) problems.push(`${file}: key "${m[2]}" is not in both languages`);
    }
    for (const m of text.matchAll(TEMPLATE))
      if (keys.some((k) => k.startsWith(m[1]!)) && !families.includes(m[1]!)) problems.push(`${file}: built key \`${m[1]}\${…}\` is not a listed family`);
  }
  for (const f of families) if (!keys.some((k) => k.startsWith(f))) problems.push(`family ${f} has no key`);
  for (const k of keys) if (!used.has(k) && !inFamily(k)) problems.push(`unused key ${k}`);
  const all = new Set(LOCALES.flatMap((l) => Object.keys(catalog[l])));
  for (const l of LOCALES) for (const k of all) if (!(k in catalog[l])) problems.push(`${k} missing in ${l}`);
  return problems;
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** The arguments a message takes (plain, plural, select…), through nested plural branches. */
function argumentsOf(ast: Ast, out = new Map<string, string>()): Map<string, string> {
  for (const el of ast) {
    if ('value' in el && typeof el.value === 'string' && el.type !== 0) {
      const kind = el.type === 6 ? 'plural' : el.type === 5 ? 'select' : 'plain';
      if (!out.has(el.value) || kind !== 'plain') out.set(el.value, kind);
    }
    if ('options' in el) for (const o of Object.values(el.options)) argumentsOf(o.value, out);
    if ('children' in el) argumentsOf(el.children, out);
  }
  return out;
}

/** A message without plural or select reads as its text with the values put in (ICU quoting ate nothing). */
function plainReadsAsWritten(text: string, args: Map<string, string>, locale: Locale): boolean {
  const values = Object.fromEntries([...args.keys()].map((a) => [a, `<${a}>`]));
  const expected = text.replace(/\{(\w+)\}/g, (_w, a: string) => `<${a}>`);
  return String(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).format(values)) === expected;
}

/**
 * Every message parses as ICU, takes the same arguments in both languages, loses no apostrophe or
 * brace to ICU quoting, and no English count stands bare before a plural noun ("{n} days").
 */
export function icuProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const parsed = new Map<string, Partial<Record<Locale, Map<string, string>>>>();
  for (const l of LOCALES)
    for (const [k, text] of Object.entries(catalog[l])) {
      if (!text.trim()) problems.push(`${k} is empty in ${l}`);
      try {
        const args = argumentsOf(new IntlMessageFormat(text, l, undefined, { ignoreTag: true }).getAst());
        parsed.set(k, { ...parsed.get(k), [l]: args });
        if (![...args.values()].some((kind) => kind !== 'plain') && !plainReadsAsWritten(text, args, l)) problems.push(`${k} (${l}): ICU quoting changes the text`);
      } catch (e) {
        problems.push(`${k} (${l}) is not an ICU message: ${(e as Error).message}`);
      }
    }
  for (const [k, byLocale] of parsed) {
    const names = LOCALES.map((l) => [...(byLocale[l]?.keys() ?? [])].sort().join(','));
    if (byLocale['zh-CN'] && byLocale.en && new Set(names).size > 1) problems.push(`${k}: arguments differ (${names.join(' / ')})`);
  }
  // Counts are the arguments some message pluralises; such a count bare before a word in -s is a missed plural.
  const counts = new Set([...parsed.values()].flatMap((p) => [...(p.en ?? new Map()).entries()].filter(([, kind]) => kind === 'plural').map(([a]) => a)));
  for (const [k, text] of Object.entries(catalog.en))
    for (const m of text.matchAll(/\{(\w+)\}[ -]+(?:[A-Za-z]+ )?([A-Za-z]+s)\b/g))
      if (counts.has(m[1]!) && !/^(is|was|has|its)$/.test(m[2]!)) problems.push(`${k}: "{${m[1]}} … ${m[2]}" needs a plural`);
  return problems;
}
