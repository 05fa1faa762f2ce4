/**
 * `npm run bench [-- --tickets N] [--only suite[,suite…]]`: builds (or reuses) a generated shop of
 * N tickets, runs every suite and writes docs/benchmarks.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seed } from '../scripts/seed';
import { SEED_VERSION } from '../scripts/seed/steps';
import { benchReport, mergeRows } from './report';
import { foundationSuite } from './foundation';
import { intakeSuite } from './intake';
import type { BenchResult, BenchSuite } from './lib';
import { LATEST_SCHEMA_VERSION } from '../src/core/db/migrations';
import { openDatabase } from '../src/core/db/open';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '1000000' },
    only: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const tickets = Number(values.tickets);
// Suites that need no generated shop: `--only` naming just these skips generating one (an hour at 1,000,000 tickets).
const SHOPLESS = new Set(['messaging', 'status-page', 'sync', 'hq-figures']);
const needsShop = !values.only || values.only.split(',').some((n) => !SHOPLESS.has(n));
// A new schema or a changed generator makes a new shop.
const dir = path.resolve(`bench/.cache/shop-${tickets}-v${LATEST_SCHEMA_VERSION}-s${SEED_VERSION}`);
const dbFile = path.join(dir, 'shop.sqlite');
// A shop generated at an older schema by the same generator is upgraded by the migrations, not
// made again (an hour at 1,000,000 tickets): the upgrade's time is itself a figure (issue 22).
let upgrade: BenchResult | null = null;
if (needsShop && !values.fresh && !fs.existsSync(dbFile)) {
  const older = fs.existsSync('bench/.cache')
    ? fs
        .readdirSync('bench/.cache')
        .map((d) => ({ d, m: new RegExp(`^shop-${tickets}-v(\\d+)-s${SEED_VERSION}$`).exec(d) }))
        .filter((x) => x.m && Number(x.m[1]) < LATEST_SCHEMA_VERSION && fs.existsSync(path.join('bench/.cache', x.d, 'shop.sqlite')))
        .sort((a, b) => Number(b.m![1]) - Number(a.m![1]))[0]
    : undefined;
  if (older) {
    const from = Number(older.m![1]);
    console.log(`Upgrading the cached ${tickets.toLocaleString('en')}-ticket shop from schema ${from} to ${LATEST_SCHEMA_VERSION}…`);
    fs.renameSync(path.join('bench/.cache', older.d), dir);
    const t0 = performance.now();
    openDatabase({ file: dbFile }).sqlite.close();
    const ms = performance.now() - t0;
    console.log(`  upgraded in ${(ms / 1000).toFixed(1)} s`);
    upgrade = { suite: 'foundation', name: `upgrade of the generated ${tickets.toLocaleString('en')}-ticket shop from schema ${from} to ${LATEST_SCHEMA_VERSION} (the migrations, one run)`, unit: 'ms', median: ms, p95: ms };
  }
}
if (needsShop && (values.fresh || !fs.existsSync(dbFile))) {
  console.log(`Generating a ${tickets.toLocaleString('en')}-ticket shop (cached in ${path.relative('.', dir)})…`);
  await seed({ dataDir: dir, tickets });
}
const label = needsShop ? `${tickets.toLocaleString('en')}-ticket shop (${(fs.statSync(dbFile).size / 2 ** 20).toFixed(0)} MiB)` : 'no generated shop';

const suites: BenchSuite[] = [foundationSuite(dbFile, label)];
suites.push(intakeSuite(dbFile, label));
const { warrantySuite } = await import('./warranty').catch(() => ({ warrantySuite: null }));
if (warrantySuite) suites.push(warrantySuite);
const { syncSuite } = await import('./sync');
suites.push(syncSuite);
const { documentsSuite } = await import('./documents');
suites.push(documentsSuite());
const { stockSuite } = await import('./stock');
suites.push(stockSuite());

const { collectionSuite } = await import('./collection');
suites.push(collectionSuite());

const { reportsSuite } = await import('./reports');
suites.push(reportsSuite(dbFile, label));

const { startupSuite } = await import('./startup');
suites.push(startupSuite(dbFile, label));

const { backupSuite } = await import('./backup');
suites.push(backupSuite(dbFile, label));

const { messagingSuite } = await import('./messaging');
suites.push(messagingSuite());
const { statusPageSuite } = await import('./status-page');
suites.push(statusPageSuite());
const { hqFiguresSuite } = await import('./hq-figures');
suites.push(hqFiguresSuite());

const results: BenchResult[] = upgrade ? [upgrade] : [];
for (const s of suites) {
  if (values.only && !values.only.split(',').includes(s.name)) continue;
  console.log(`▶ ${s.name}`);
  for (const r of await s.run()) {
    results.push(r);
    console.log(`  ${r.name}: median ${r.median.toFixed(3)} ms, p95 ${r.p95.toFixed(3)} ms${r.baseline ? ` (baseline ${r.baseline.median.toFixed(3)} ms, p95 ${r.baseline.p95.toFixed(3)} ms, ×${(r.median / r.baseline.median).toFixed(2)})` : ''}${r.target ? ` — target ${r.target}: ${r.met ? 'met' : 'NOT met'}` : ''}${r.note ? `\n    note: ${r.note}` : ''}`);
  }
}
if (values.only && fs.existsSync('docs/benchmarks.md')) {
  // A partial run rewrites only its suites' rows (and their notes); the rest stays as measured.
  const only = values.only.split(',');
  fs.writeFileSync('docs/benchmarks.md', mergeRows(fs.readFileSync('docs/benchmarks.md', 'utf8'), results.filter((r) => only.includes(r.suite)), only));
  console.log(`wrote the ${only.join(', ')} rows of docs/benchmarks.md`);
}
if (!values.only) {
  // The counter's keystroke count is measured by the intake Playwright test (docs/keystrokes.md).
  const keystrokes = fs.existsSync('docs/keystrokes.md') ? fs.readFileSync('docs/keystrokes.md', 'utf8') : '';
  // The renderer's chunk sizes are measured from the vite build (docs/bundle.md), kept beside the speed figures.
  const bundle = fs.existsSync('docs/bundle.md') ? `\n${fs.readFileSync('docs/bundle.md', 'utf8')}` : '';
  const report = benchReport(results, [`database: ${label}`], keystrokes + bundle);
  // Sections written by other benchmarks (bench:ui, the sign-in flood) or by hand (backups at their
  // sizes) are kept: this run rewrites only what it measures.
  const before = fs.existsSync('docs/benchmarks.md') ? fs.readFileSync('docs/benchmarks.md', 'utf8') : '';
  const sections = before.split(/\n(?=## )/).slice(1);
  const kept = sections.filter((sec) => !report.includes(`\n${sec.split('\n', 1)[0]}\n`));
  fs.writeFileSync('docs/benchmarks.md', [report.trimEnd(), ...kept.map((k) => k.trimEnd())].join('\n\n') + '\n');
  console.log('wrote docs/benchmarks.md');
}
