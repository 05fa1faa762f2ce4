/**
 * `npm run bench:ui [-- --runs N] [--tickets N]`: the screens' budgets of issue 22 point 4, in headless
 * Chromium with the CPU slowed 4× by the DevTools protocol (a low-end counter PC), against the
 * compiled shop host on a generated shop. Writes "## UI budgets (bench:ui)" into docs/benchmarks.md.
 *
 * Every run is a fresh browser context (an empty HTTP cache: the morning's first start) and walks
 * the same path: first screen, sign-in, a tab, the 50-row ticket list, a section, global search,
 * keystrokes. Each figure is timed inside the page, from the input event's own timestamp (or from
 * navigation start) to the first animation frame at which the screen shows the result, so neither
 * Playwright's round trips nor its actionability checks are counted. The baseline is the same path
 * in the same run without throttling, alternated with the throttled runs: what is left at full speed
 * is the floor of this machine and of the network; the difference is our JavaScript's CPU.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { ensureNodeBuild, NODE_FLAGS, NODE_OUT } from '../scripts/build-node.mjs';
import { seed } from '../scripts/seed';
import { SEED_VERSION } from '../scripts/seed/steps';
import { LATEST_SCHEMA_VERSION } from '../src/core/db/migrations';
import { DEMO_USERS } from '../src/core/demo/users';
import { freePort, ping } from './startup';
import { replaceSection, stats, type Stats } from './lib';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, tickets: { type: 'string', default: '50000' } } });
const RUNS = Number(values.runs);
const TICKETS = Number(values.tickets);

/** What the screen must show for a step to be done; checked in the page at each animation frame. */
type Shown = { selector: string; count?: number; text?: string; value?: number; typed?: { selector: string; value: string } };

const STEPS = [
  { key: 'first', what: 'first screen interactive (navigation start → sign-in form usable)', target: 800 },
  { key: 'signin', what: 'sign-in (Enter) → counter screen shown', target: 300 },
  { key: 'tab', what: 'tab switch (counter: intake → uncollected)', target: 300 },
  { key: 'list', what: 'tab switch to the ticket list → 50 rows shown', target: 300 },
  { key: 'section', what: 'section switch (counter → bench queue shown)', target: 300 },
  { key: 'search', what: 'global search: last key → ticket found', target: 100 },
  { key: 'echo', what: 'keystroke echoed in the customer search field', target: 50 },
] as const;
type Key = (typeof STEPS)[number]['key'];
/** Script bytes of a set of files: as sent (brotli, from the network log), as .gz and unpacked. */
type Js = { br: number; gz: number; raw: number; files: string[] };
type Sample = Record<Key, number[]> & { firstJs: Js; idleJs: Js; api: Map<string, number[]> };

// Headless flags as in playwright.config.ts.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const [ADMIN] = DEMO_USERS;

/** Arms a watch in the page: the time from the next (or last, for typing) input event to the first frame showing `shown`. */
async function arm(page: Page, shown: Shown, from: 'pointerdown' | 'keydown'): Promise<void> {
  await page.evaluate(
    ({ shown, from }) => {
      const w = window as unknown as { __t: { start: number | null; end: number | null } };
      w.__t = { start: null, end: null };
      const onInput = (e: Event) => (w.__t.start = e.timeStamp);
      addEventListener(from, onInput, true);
      const done = () => {
        // Shown means laid out: a tab panel kept mounted but hidden has no boxes.
        const els = [...document.querySelectorAll(shown.selector)].filter((e) => e.getClientRects().length > 0);
        if (els.length < (shown.count ?? 1)) return false;
        const el = els[0] as HTMLInputElement;
        if (shown.text !== undefined && !el.textContent?.includes(shown.text)) return false;
        if (shown.value !== undefined && el.value.length < shown.value) return false;
        // a result of the whole query, not of one typed before the last key
        if (shown.typed && document.querySelector<HTMLInputElement>(shown.typed.selector)?.value !== shown.typed.value) return false;
        return true;
      };
      const frame = () => {
        if (w.__t.start !== null && done()) {
          w.__t.end = performance.now();
          removeEventListener(from, onInput, true);
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    { shown, from },
  );
}

async function took(page: Page): Promise<number> {
  const h = await page.waitForFunction(() => {
    const t = (window as unknown as { __t: { start: number | null; end: number | null } }).__t;
    return t.end !== null && t.start !== null ? t.end - t.start : null;
  }, undefined, { timeout: 60_000 });
  return (await h.jsonValue()) as number;
}

/** One walk through the screens; `rate` is the CPU slowdown (1 = none). */
async function walk(browser: Browser, url: string, rate: number, into: Sample): Promise<void> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Network.enable');
  const scripts = new Map<string, string>();
  const sent = new Map<string, number>(); // script path → bytes as sent
  let counting = true;
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, new URL(e.response.url).pathname);
  });
  // How long the host took to answer each procedure (request sent → body received), to tell the
  // server's share of a step from the page's.
  const calls = new Map<string, { name: string; at: number }>();
  cdp.on('Network.requestWillBeSent', (e) => {
    const p = new URL(e.request.url).pathname;
    if (p.startsWith('/api/')) calls.set(e.requestId, { name: p.slice(5), at: e.timestamp });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const script = scripts.get(e.requestId);
    if (counting && script) sent.set(script, (sent.get(script) ?? 0) + e.encodedDataLength);
    const call = calls.get(e.requestId);
    if (call) into.api.set(call.name, [...(into.api.get(call.name) ?? []), (e.timestamp - call.at) * 1000]);
  });
  // tsx keeps function names by wrapping them in __name(), which the page lacks when Playwright
  // sends it one of these functions.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  // The first screen: navigation start is performance.now() = 0 of the new document.
  await page.addInitScript(() => {
    const frame = () => {
      const user = document.querySelector<HTMLInputElement>('input[autocomplete="username"]');
      const pass = document.querySelector<HTMLInputElement>('input[autocomplete="current-password"]');
      if (user && pass && !user.disabled && user.getClientRects().length > 0 && document.activeElement === user) {
        const w = window as unknown as { __first: number; __firstScripts: string[] };
        w.__first = performance.now();
        // The scripts the first screen needed: those loaded by the time it is usable.
        w.__firstScripts = performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname).filter((p) => p.endsWith('.js'));
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto(url, { waitUntil: 'commit' });
  const first = await page.waitForFunction(() => (window as unknown as { __first?: number }).__first, undefined, { timeout: 60_000 });
  into.first.push((await first.jsonValue()) as number);
  // What the sign-in screen downloads: the scripts it needed, then (page idle) what it prefetches
  // for the screen after sign-in, all scripts until the network is quiet.
  await page.waitForLoadState('networkidle');
  counting = false;
  if (rate !== 1) {
    const needed = new Set((await page.evaluate(() => (window as unknown as { __firstScripts: string[] }).__firstScripts)));
    const all = [...new Set(scripts.values())];
    into.firstJs = js(all.filter((p) => needed.has(p)), sent);
    into.idleJs = js(all.filter((p) => !needed.has(p)), sent);
  }

  await page.locator('input[autocomplete="username"]').fill(ADMIN.username);
  await page.locator('input[autocomplete="current-password"]').fill(ADMIN.password);
  await arm(page, { selector: '[data-testid="customer-search"]' }, 'keydown');
  await page.keyboard.press('Enter');
  into.signin.push(await took(page));

  await arm(page, { selector: '[data-testid="uncollected"]' }, 'pointerdown');
  await page.getByTestId('counter-tab-uncollected').click();
  into.tab.push(await took(page));

  // Inside the list: the uncollected tab, still shown for a frame or two, has ticket rows too.
  const rows = '[data-testid="ticket-list"] [data-testid^="ticket-row-"]';
  await arm(page, { selector: rows, count: 50 }, 'pointerdown');
  await page.getByTestId('counter-tab-tickets').click();
  into.list.push(await took(page));
  const number = (await page.locator(rows).first().getAttribute('data-testid'))!.slice('ticket-row-'.length);

  // The admin's own queue ("mine", the bench's first tab) is empty in the generated shop: its empty state is the screen shown.
  await arm(page, { selector: '[data-testid="bench-queue"], [data-testid="bench-queue-empty"]' }, 'pointerdown');
  await page.getByTestId('nav-bench').click();
  into.section.push(await took(page));

  await page.keyboard.press('Control+K');
  const box = page.getByRole('dialog', { name: '全局搜索' }).getByRole('textbox');
  await box.waitFor();
  // Without the shop prefix, as a customer reads it over the phone; a key at a typist's pace.
  const query = number.slice(5);
  await arm(page, { selector: '[data-testid="search-group-tickets"]', text: number, typed: { selector: '[role="dialog"] input', value: query } }, 'keydown');
  await page.keyboard.type(query, { delay: 80 });
  into.search.push(await took(page));
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-counter').click();
  await page.getByTestId('counter-tab-intake').click();
  const field = page.getByTestId('customer-search');
  await field.click();
  for (let i = 1; i <= 5; i++) {
    await arm(page, { selector: '[data-testid="customer-search"]', value: i }, 'keydown');
    await page.keyboard.press(String(i));
    into.echo.push(await took(page));
    await page.waitForTimeout(300);
  }
  await context.close();
}

/** Script bytes as sent and as the .gz and plain files beside them (a file too small to gain from gzip has none: sent plain). */
function js(paths: string[], sent: Map<string, number>): Js {
  const files = paths.map((p) => ({ p, f: path.join(ROOT, 'out/renderer', p) }));
  const gz = ({ f }: { f: string }) => fs.statSync(fs.existsSync(`${f}.gz`) ? `${f}.gz` : f).size;
  return {
    br: files.reduce((n, x) => n + (sent.get(x.p) ?? 0), 0),
    gz: files.reduce((n, x) => n + gz(x), 0),
    raw: files.reduce((n, x) => n + fs.statSync(x.f).size, 0),
    files: files.map((x) => `${path.basename(x.f)} ${kb(gz(x))} kB`),
  };
}

function emptySample(): Sample {
  const none = { br: 0, gz: 0, raw: 0, files: [] };
  return { first: [], signin: [], tab: [], list: [], section: [], search: [], echo: [], firstJs: none, idleJs: none, api: new Map() };
}

async function main() {
  console.log('Building the renderer and the compiled host…');
  const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the renderer did not build');
  await ensureNodeBuild();
  const dir = path.join(ROOT, `bench/.cache/ui-shop-${TICKETS}-v${LATEST_SCHEMA_VERSION}-s${SEED_VERSION}`);
  if (!fs.existsSync(path.join(dir, 'shop.sqlite'))) {
    console.log(`Generating a ${TICKETS.toLocaleString('en')}-ticket shop (cached in ${path.relative(ROOT, dir)})…`);
    await seed({ dataDir: dir, tickets: TICKETS });
  }
  const port = await freePort();
  const host = spawn(process.execPath, [...NODE_FLAGS, path.join(NODE_OUT, 'server/cli.mjs'), '--data-dir', dir, '--port', String(port), '--host', '127.0.0.1', '--static', path.join(ROOT, 'out/renderer')], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    while ((await ping(port)) !== 200) await new Promise((r) => setTimeout(r, 20));
    const url = `http://127.0.0.1:${port}/`;
    const slow = emptySample();
    const fast = emptySample();
    await walk(browser, url, 1, emptySample()); // warm-up: the host's own caches and the OS page cache
    for (let i = 0; i < RUNS; i++) {
      await walk(browser, url, 4, slow);
      await walk(browser, url, 1, fast);
      console.log(`  run ${i + 1}/${RUNS}: sign-in ${slow.signin.at(-1)!.toFixed(0)} ms, list ${slow.list.at(-1)!.toFixed(0)} ms (4×)`);
    }
    writeReport(slow, fast);
  } finally {
    await browser.close();
    host.kill('SIGTERM');
  }
}

const ms = (n: number) => n.toFixed(0);
const API = ['auth.login', 'tickets.list', 'bench.queue', 'search.query'];
const kb = (n: number) => (n / 1024).toFixed(1);

function writeReport(slow: Sample, fast: Sample): void {
  const rows = STEPS.map((s) => {
    const a: Stats = stats(slow[s.key]);
    const b: Stats = stats(fast[s.key]);
    return `| ${s.what} | ${ms(a.median)} | ${ms(a.p95)} | ${ms(b.median)} | ${ms(b.p95)} | < ${s.target} ms | ${a.median < s.target && a.p95 < s.target ? 'yes' : a.median < s.target ? 'median only' : '**no**'} |`;
  });
  const section = [
    '## UI budgets (bench:ui)',
    '',
    `Written by \`npm run bench:ui\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: headless Chromium (/usr/bin/chromium), CPU slowed 4× by`,
    `\`Emulation.setCPUThrottlingRate\`, against the compiled shop host (out/node) on a generated ${TICKETS.toLocaleString('en')}-ticket shop, signed in as`,
    `the admin; ${RUNS} runs, each in a fresh browser context (empty HTTP cache); ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} at the end (a shared`,
    "machine: other work slows both columns). Times in ms from the input event's timestamp (navigation",
    'start for the first screen) to the first animation frame showing the result. Baseline: the same steps in the same run without',
    'throttling, alternated with the throttled runs; it is the floor of this machine and of the loopback network, the difference is',
    'the CPU our JavaScript takes.',
    '',
    '| step | 4× median | 4× p95 | baseline (1×) median | baseline p95 | target | met |',
    '|---|---:|---:|---:|---:|---|---|',
    ...rows,
    '',
    `First-screen JavaScript (every script loaded by the time the sign-in form is usable, by the page's resource timing; bytes from the DevTools network log): ${kb(slow.firstJs.gz)} kB gzip`,
    `(the .gz files the host would send), ${kb(slow.firstJs.br)} kB as sent with brotli, ${kb(slow.firstJs.raw)} kB unpacked; target < 250 kB gzip: ${slow.firstJs.gz < 250 * 1024 ? 'met' : '**not met**'}`,
    `(gzip by file: ${slow.firstJs.files.join(', ')}).`,
    `Then, with the sign-in form usable and the page idle, it prefetches the screen after sign-in (the shell and the counter) until the network is quiet:`,
    `${kb(slow.idleJs.gz)} kB gzip more, ${kb(slow.idleJs.br)} kB as sent (${slow.idleJs.files.length} files); first screen and prefetch together ${kb(slow.firstJs.gz + slow.idleJs.gz)} kB gzip.`,
    '',
    `The host's own answer times in the throttled runs (request sent → answer received; the host is not throttled), median: ${API.map((n) => `${n} ${ms(stats(slow.api.get(n) ?? [0]).median)} ms`).join(', ')}.`,
    'Global search: the ticket is looked up by its number without the shop prefix, which only the whole number finds (checked: none',
    'of its prefixes lists it), so the result is that of the last key; a ticket number with its month is asked at once (anything else',
    'after 80 ms: src/renderer/src/search/useSearch.ts).',
    '',
  ].join('\n');
  console.log(section);
  replaceSection(path.join(ROOT, 'docs/benchmarks.md'), '## UI budgets (bench:ui)', section);
}

await main();
