import fs from 'node:fs';
import os from 'node:os';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Dependencies point one way: shared ← core ← main/server; renderer and preload see only shared. */
function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|tsx|mts)$/.test(e.name) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)) {
    out.push((m[1] ?? m[2] ?? m[3] ?? m[4])!);
  }
  return out;
}

/** The tree the guard reads: the real src, or a scratch copy (the guard's own test never writes into src). */
const SRC = path.resolve('src');

function violations(layer: string, ok: (spec: string, resolved: string | null) => boolean, root = SRC): string[] {
  const bad: string[] = [];
  for (const f of files(path.join(root, layer))) {
    for (const spec of imports(f)) {
      const resolved = spec.startsWith('.') ? path.resolve(path.dirname(f), spec) : null;
      if (!ok(spec, resolved)) bad.push(`${path.relative('.', f)} imports ${spec}`);
    }
  }
  return bad;
}

const inside = (resolved: string | null, ...layers: string[]) =>
  resolved !== null && layers.some((l) => resolved.startsWith(path.resolve('src', l) + path.sep) || resolved === path.resolve('src', l));


/**
 * core's infrastructure (DESIGN: core/db, core/shop, core/auth, …): anyone may import it. Every
 * other folder of src/core is a capability, and a capability's internals are its own: another
 * capability imports only the modules it publishes below. Publishing a module is a decision made
 * here, in review; everything else of a capability (its tables, queries, rules, demo data) is
 * internal. The composition roots — core/db/schema.ts (the capabilities' table types),
 * core/demo (their demo data), core/handlers.ts and core/backend.ts — assemble them and may
 * import any of it.
 */
const CORE_INFRASTRUCTURE = ['db', 'shop', 'auth', 'api', 'secrets', 'audit', 'lazy', 'spreadsheet'];
const PUBLISHED: Record<string, string[]> = {
  bench: ['common', 'quotes', 'transition'],
  collection: ['sanbao-refund'],
  // consent: whether a customer receives messages, recorded at intake (issue 20)
  customers: ['store', 'consent'],
  devices: ['store'],
  documents: ['builtin', 'intake', 'produce', 'registry'],
  // the gateways, their retry schedule and the shop's own gateway settings (issue 20): whoever sends a customer message
  messaging: ['gateway', 'send-with-retry', 'log-gateway', 'shop-gateway'],
  // the recall work the counter accepted is recorded in the intake's transaction (issue 21 point 8)
  recalls: ['store'],
  stock: ['catalog'],
  // engine: its public handle (syncEngineOf), which a restore uses to tell head office and sync at once
  sync: ['engine', 'hq-owned', 'pulled'],
  tickets: ['attachments', 'events', 'intake', 'passcode', 'rows'],
  warranty: ['evaluate', 'store', 'ticket'],
};
const COMPOSITION_ROOTS = [/^db\/schema\.ts$/, /^demo\//];

function capabilityViolations(root = SRC): string[] {
  const core = path.join(root, 'core');
  const bad: string[] = [];
  for (const f of files(core)) {
    const from = path.relative(core, f).split(path.sep);
    if (from.length < 2 || COMPOSITION_ROOTS.some((r) => r.test(from.join('/')))) continue;
    for (const spec of imports(f)) {
      if (!spec.startsWith('.')) continue;
      const to = path.relative(core, path.resolve(path.dirname(f), spec)).split(path.sep);
      if (to[0]!.startsWith('..') || to.length < 2 || to[0] === from[0] || CORE_INFRASTRUCTURE.includes(to[0]!)) continue;
      const module = to.slice(1).join('/').replace(/\.tsx?$/, '');
      // infrastructure depends on no capability; a capability reaches another only through what it publishes
      if (CORE_INFRASTRUCTURE.includes(from[0]!) || !(PUBLISHED[to[0]!] ?? []).includes(module)) {
        bad.push(`core/${from.join('/')} imports core/${to.join('/')}`);
      }
    }
  }
  return bad;
}

/** Packages with a native addon (a binding.gyp or `gypfile`): never in src/shared, which runs in the renderer too. */
function isNativePackage(spec: string): boolean {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const dir = path.resolve('node_modules', name);
  if (fs.existsSync(path.join(dir, 'binding.gyp'))) return true;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).gypfile === true;
  } catch {
    return false;
  }
}
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);


/**
 * Small files named for what they do: no file in src over 400 lines, except data tables. The
 * allow-list is explicit and each entry says why; a file that grows past the limit is split
 * along its seams instead of being added here.
 */
const MAX_LINES = 400;
const LONG_FILES_ALLOWED: { pattern: RegExp; why: string }[] = [
  // data tables: translation catalogs (one line per message)
  { pattern: /^shared\/i18n\//, why: 'i18n catalogs' },
  // data tables: frozen migrations, their SQL as shipped (never edited, hashes pinned)
  { pattern: /^core\/db\/migrations\//, why: 'frozen shop migrations' },
];
/** A component a person can hold in their head (issue 17): every file of the renderer under 300 lines, no exception. */
const MAX_RENDERER_LINES = 299;

function lineCount(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function longFiles(root = SRC): string[] {
  return files(root)
    .filter((f) => !LONG_FILES_ALLOWED.some((a) => a.pattern.test(path.relative(root, f).split(path.sep).join('/'))))
    .filter((f) => lineCount(f) > (['renderer', 'hq-console'].includes(path.relative(root, f).split(path.sep)[0]!) ? MAX_RENDERER_LINES : MAX_LINES))
    .map((f) => `${path.relative(root, f).split(path.sep).join('/')}: ${lineCount(f)} lines`);
}


/**
 * One way to load data in the renderer (issue 17): a procedure is read through TanStack Query
 * (data/calls.ts: `useCall`), never by a `useEffect` that calls it, never after a hand-made
 * `setTimeout` debounce (`useDebouncedValue` from @mantine/hooks), and a failed call is never
 * swallowed with `() => undefined`. Every screen is converted: there is no list of exceptions.
 */
/** The text of each call of `name(…)` in a file, its parentheses balanced. */
function callsOf(text: string, name: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(`\\b${name}\\(`, 'g'))) {
    let i = m.index + m[0].length;
    for (let depth = 1; i < text.length && depth > 0; i++) {
      const c = text[i]!;
      if ('({['.includes(c)) depth++;
      else if (')}]'.includes(c)) depth--;
    }
    out.push(text.slice(m.index, i));
  }
  return out;
}
/** A procedure call, or a loader by its usual names called (`load()`, `refresh(q)`, `run(key)` …) or passed (`useEffect(load, …)`). */
const LOADS = /\bapi\.call\(|\b(?:load|reload|refresh|fetch|run)\w*\(|^useEffect\(\s*(?:load|reload|refresh|fetch|run)\w*\s*,/;
const SWALLOWED = /\.catch\(\(\) => (?:undefined|\{\s*\})\)|,\s*\(\) => undefined,?\s*\)/g;
/** A variable declared at the top of a module: state every mount shares and no render sees change. */
const MODULE_LET = /^(?:export )?let /gm;
/** The API client is the one module that holds the tab's connection state (its transport, the UI language of error messages). */
const MODULE_STATE_ALLOWED = ['renderer/src/api/client.ts'];

function loaderViolations(root = SRC): string[] {
  const over: string[] = [];
  for (const f of files(path.join(root, 'renderer'))) {
    const rel = path.relative(root, f).split(path.sep).join('/');
    const text = fs.readFileSync(f, 'utf8');
    const loaders = callsOf(text, 'useEffect').filter((b) => LOADS.test(b)).length;
    const debounces = callsOf(text, 'setTimeout').filter((b) => LOADS.test(b)).length;
    const swallowed = (text.match(SWALLOWED) ?? []).length;
    if (loaders > 0) over.push(`${rel}: ${loaders} useEffect loading data`);
    if (debounces > 0) over.push(`${rel}: ${debounces} setTimeout debounce of a load`);
    if (swallowed > 0) over.push(`${rel}: ${swallowed} error swallowed with () => undefined`);
    if (!MODULE_STATE_ALLOWED.includes(rel) && MODULE_LET.test(text)) over.push(`${rel}: module-level let`);
    MODULE_LET.lastIndex = 0;
  }
  return over;
}

/**
 * One typed way to the database (issue 18): statements are prepared only in core/db (its one
 * cache, typed where the SQL is written: `statement<Row, Params>()`, `column<Value>()`,
 * `tuples<Row>()`), and a query's result is never cast at the call site, nor handed a type by a
 * `get<T>(db, sql)`-style helper (a cast in disguise): kysely's types or the typed statement say
 * it. No exceptions.
 */
const PREPARE = /\bprepare\(/g;
/** A `.get(…)` / `.all(…)` / `.iterate(…)` result cast with `as …` (also from inside a parenthesised choice of two). */
const RESULT_CAST = /\.(?:get|all|iterate)\((?:[^()]|\([^()]*\))*\)\s*(?:\)\s*)?as\s+(?!const\b)/g;
/** A bare `get<T>(…)` / `all<T>(…)` call: the caller picks the row type with nothing checking it. */
const TYPED_HELPER = /(?<![\w.])(?:get|all)<[^>]*>\(/g;

/** Files that prepare outside core/db or cast a query's result. */
function typedDbViolations(root = SRC): string[] {
  const bad: string[] = [];
  for (const f of files(root)) {
    const rel = path.relative(root, f).split(path.sep).join('/');
    if (rel.startsWith('core/db/')) continue;
    const text = fs.readFileSync(f, 'utf8');
    const count = (re: RegExp) => (text.match(re) ?? []).length;
    if (count(PREPARE)) bad.push(`${rel}: ${count(PREPARE)} prepare( outside core/db`);
    if (count(RESULT_CAST) + count(TYPED_HELPER)) bad.push(`${rel}: ${count(RESULT_CAST) + count(TYPED_HELPER)} query results cast`);
  }
  return bad;
}

describe('architecture guard', () => {
  it('keeps electron and react out of src/shared and src/core', () => {
    const forbidden = (spec: string) => /^(electron|react|react-dom|@mantine\/)/.test(spec);
    expect(violations('shared', (s, r) => !forbidden(s) && (r === null || inside(r, 'shared')))).toEqual([]);
    expect(violations('core', (s, r) => !forbidden(s) && (r === null || inside(r, 'shared', 'core')))).toEqual([]);
  });

  it('lets the renderer import only src/shared, src/ui and itself (and its UI packages)', () => {
    const uiPackages = /^(react|react-dom|react-router|@mantine\/|@tanstack\/react-query$|zod$|.*\.css$)/;
    expect(violations('renderer', (s, r) => (r === null ? uiPackages.test(s) : inside(r, 'shared', 'ui', 'renderer')))).toEqual([]);
  });

  it('lets head office\'s console (src/hq-console) import only src/shared, src/ui, itself and its UI packages; nothing imports it', () => {
    const uiPackages = /^(react|react-dom|react-router|@mantine\/|@tanstack\/react-query$|zod$|.*\.css$)/;
    expect(violations('hq-console', (s, r) => (r === null ? uiPackages.test(s) : inside(r, 'shared', 'ui', 'hq-console')))).toEqual([]);
    for (const layer of ['core', 'renderer', 'shared', 'main', 'preload', 'server', 'hq', 'ui']) expect(violations(layer, (_s, r) => !inside(r, 'hq-console'))).toEqual([]);
  });

  it('keeps the design system both apps share (src/ui) to src/shared and its UI packages; only the two apps import it', () => {
    const uiPackages = /^(react|react-dom|@mantine\/|.*\.css$)/;
    expect(violations('ui', (s, r) => (r === null ? uiPackages.test(s) : inside(r, 'shared', 'ui')))).toEqual([]);
    for (const layer of ['core', 'shared', 'main', 'preload', 'server', 'hq']) expect(violations(layer, (_s, r) => !inside(r, 'ui'))).toEqual([]);
  });

  it('lets the preload import only electron and src/shared', () => {
    expect(violations('preload', (s, r) => (r === null ? s === 'electron' : inside(r, 'shared', 'preload')))).toEqual([]);
  });

  it('lets head office (src/hq) import src/shared and from src/core/db only (the shop schema, the statement cache), the shop password hashing, the spreadsheet reader and the SMS gateways; nothing imports src/hq', () => {
    // core/auth/passwords.ts: scrypt over node:crypto alone; the console's people hash their passwords as the shop's do
    const passwords = path.resolve('src/core/auth/passwords.ts');
    // core/messaging's gateways: head office sends the customers' messages through the same adapters a shop uses
    const gateways = ['gateway', 'send-with-retry', 'log-gateway'].map((m) => path.resolve('src/core/messaging', `${m}.ts`));
    // core/lazy/libraries.ts: the heavy libraries loaded when first needed (exceljs for the network's exports); node's require alone
    const lazy = path.resolve('src/core/lazy/libraries.ts');
    // core/spreadsheet/sheet.ts: the one reader and writer of import files and templates (the shop's catalog import, head office's price list and parts catalog); exceljs through core/lazy and the shared CSV parser only
    const sheet = path.resolve('src/core/spreadsheet/sheet.ts');
    expect(violations('hq', (s, r) => !/^(electron|react|react-dom|@mantine\/)/.test(s) && (r === null || inside(r, 'shared', 'hq', 'core/db') || `${r}.ts` === passwords || `${r}.ts` === lazy || `${r}.ts` === sheet || gateways.includes(`${r}.ts`)))).toEqual([]);
    // …which is safe because the gateways reach no database and no shop secret: only shared, node and each other
    // (the shop's own gateway settings, shop-gateway.ts, are the one messaging module on the database)
    const ownGateway = path.resolve('src/core/messaging/shop-gateway.ts');
    expect(
      violations('core/messaging', (s, r) => (r === null ? s.startsWith('node:') || s === 'zod' : inside(r, 'shared', 'core/messaging') && `${r}.ts` !== ownGateway)).filter(
        (v) => !v.startsWith(path.relative('.', ownGateway)),
      ),
    ).toEqual([]);
    for (const layer of ['core', 'renderer', 'shared', 'main', 'preload', 'server']) {
      expect(violations(layer, (_s, r) => !inside(r, 'hq'))).toEqual([]);
    }
  });

  it('catches a violation (the guard itself works), on a scratch tree outside src', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-guard-'));
    try {
      fs.mkdirSync(path.join(root, 'core'));
      fs.writeFileSync(path.join(root, 'core', 'guard-probe.ts'), "import { app } from 'electron';\nexport const x = app;\n");
      fs.writeFileSync(path.join(root, 'core', 'fine.ts'), "import { z } from 'zod';\nexport const y = z;\n");
      const bad = violations('core', (s) => !/^electron/.test(s), root);
      expect(bad).toHaveLength(1);
      expect(bad[0]).toContain('guard-probe.ts imports electron');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it('keeps node:* modules, Node built-ins and native packages out of src/shared (no I/O, runs in the renderer)', () => {
    expect(violations('shared', (s) => s.startsWith('.') || (!isNodeBuiltin(s) && !isNativePackage(s)))).toEqual([]);
  });

  it('lets a capability of src/core import another only through the modules it publishes; infrastructure imports none', () => {
    // auth's users know which of them head office provisioned (sync's hq-owned list): the one known exception
    expect(capabilityViolations().filter((v) => v !== 'core/auth/users.ts imports core/sync/hq-owned')).toEqual([]);
  });

  it('catches a capability reaching into another, and node:/native imports in shared (on a scratch tree)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-guard-'));
    try {
      for (const d of ['core/bench', 'core/collection', 'core/db', 'shared/x']) fs.mkdirSync(path.join(root, d), { recursive: true });
      fs.writeFileSync(path.join(root, 'core/bench/views.ts'), 'export const v = 1;\n');
      fs.writeFileSync(path.join(root, 'core/bench/common.ts'), 'export const c = 1;\n');
      fs.writeFileSync(path.join(root, 'core/collection/collect.ts'), "import { v } from '../bench/views';\nimport { c } from '../bench/common';\nimport { s } from '../db/statements';\n");
      fs.writeFileSync(path.join(root, 'core/db/statements.ts'), "import { v } from '../bench/views';\nexport const s = v;\n");
      expect(capabilityViolations(root)).toEqual(['core/collection/collect.ts imports core/bench/views', 'core/db/statements.ts imports core/bench/views']);
      fs.writeFileSync(path.join(root, 'shared/x/a.ts'), "import fs from 'node:fs';\nimport path from 'path';\nimport Database from 'better-sqlite3';\nimport { z } from 'zod';\n");
      expect(violations('shared', (s) => s.startsWith('.') || (!isNodeBuiltin(s) && !isNativePackage(s)), root).map((v) => v.replace(/^.*a\.ts /, ''))).toEqual([
        'imports node:fs',
        'imports path',
        'imports better-sqlite3',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it('keeps every file in src at 400 lines or fewer, but for the data tables allowed by name', () => {
    expect(longFiles()).toEqual([]);
  });

  it('catches a file over 400 lines, a renderer file of 300 or more, and lets an allowed data table be (on a scratch tree)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-guard-'));
    try {
      for (const d of ['core/tickets', 'shared/i18n/ui', 'renderer/src/bench']) fs.mkdirSync(path.join(root, d), { recursive: true });
      const lines = (n: number) => Array.from({ length: n }, (_, i) => `export const x${i} = ${i};`).join('\n') + '\n';
      fs.writeFileSync(path.join(root, 'core/tickets/at-limit.ts'), lines(400));
      fs.writeFileSync(path.join(root, 'core/tickets/too-long.ts'), lines(401));
      fs.writeFileSync(path.join(root, 'shared/i18n/ui/catalog.ts'), lines(900));
      fs.writeFileSync(path.join(root, 'renderer/src/bench/Card.tsx'), lines(299));
      fs.writeFileSync(path.join(root, 'renderer/src/bench/Bench.tsx'), lines(301));
      expect(longFiles(root).sort()).toEqual(['core/tickets/too-long.ts: 401 lines', 'renderer/src/bench/Bench.tsx: 301 lines']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
  it('loads renderer data through TanStack Query: no useEffect loader, no setTimeout debounce, no swallowed error, no module-level let', () => {
    expect(loaderViolations()).toEqual([]);
  });

  it('catches a useEffect loader, a setTimeout debounce, a swallowed error and module state in the renderer (on a scratch tree)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-guard-'));
    try {
      fs.mkdirSync(path.join(root, 'renderer/src/stock'), { recursive: true });
      fs.writeFileSync(
        path.join(root, 'renderer/src/stock/Hand.tsx'),
        [
          'let cache = null;',
          'export function Hand({ q }) {',
          '  useEffect(() => { void api.call(\'parts.list\', {}).then(setRows).catch(() => undefined); }, []);',
          '  useEffect(() => { const h = setTimeout(() => void load(q), 150); return () => clearTimeout(h); }, [q]);',
          '  useEffect(() => api.on(\'parts.changed\', () => setStale(true)), []);',
          '  useEffect(loadParts, [loadParts]);',
          '}',
        ].join('\n'),
      );
      fs.writeFileSync(path.join(root, 'renderer/src/stock/Kept.tsx'), "export function Kept({ q }) {\n  const [term] = useDebouncedValue(q, 150);\n  const rows = useCall('parts.search', { q: term }).data;\n  useEffect(() => ref.current?.focus(), []);\n}\n");
      expect(loaderViolations(root)).toEqual([
        'renderer/src/stock/Hand.tsx: 3 useEffect loading data',
        'renderer/src/stock/Hand.tsx: 1 setTimeout debounce of a load',
        'renderer/src/stock/Hand.tsx: 1 error swallowed with () => undefined',
        'renderer/src/stock/Hand.tsx: module-level let',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('prepares statements only in core/db and casts no query result', () => {
    expect(typedDbViolations()).toEqual([]);
  });

  it('catches a prepare( outside core/db, a cast query result and a get<T> helper (on a scratch tree)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-guard-'));
    try {
      for (const d of ['core/db', 'core/tickets', 'hq']) fs.mkdirSync(path.join(root, d), { recursive: true });
      fs.writeFileSync(path.join(root, 'core/db/statements.ts'), 'export const s = (db: any) => db.prepare(`SELECT 1`);\n');
      fs.writeFileSync(path.join(root, 'core/tickets/raw.ts'), 'export const n = (db: any) => db.prepare(`SELECT n FROM t`).get(1) as { n: number };\n');
      fs.writeFileSync(path.join(root, 'core/tickets/rows.ts'), "import { prepared } from '../db/statements';\nexport const rows = (db: any, a: boolean) => (a ? prepared(db, `SELECT 1`).all(1) : prepared(db, `SELECT 2`).all()) as Row[];\n");
      fs.writeFileSync(path.join(root, 'hq/helper.ts'), "import { get } from '../core/db/statements';\nexport const one = (db: any) => get<{ n: number }>(db, `SELECT 1 AS n`);\n");
      fs.writeFileSync(path.join(root, 'core/tickets/typed.ts'), "import { statement } from '../db/statements';\nexport const n = (db: any) => statement<{ n: number }, [number]>(db, `SELECT n FROM t WHERE id = ?`).get(1);\nexport const k = (m: Map<string, number>) => [m.get('a'), 'x' as const];\n");
      expect(typedDbViolations(root).sort()).toEqual([
        'core/tickets/raw.ts: 1 prepare( outside core/db',
        'core/tickets/raw.ts: 1 query results cast',
        'core/tickets/rows.ts: 1 query results cast',
        'hq/helper.ts: 1 query results cast',
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
