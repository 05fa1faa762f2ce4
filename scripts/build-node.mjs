/**
 * Compiles the Node programs we ship — the shop HTTP host and head office, each with its CLI —
 * to plain JavaScript in out/node with esbuild (the bundler under tsx and Vite), so production
 * never runs TypeScript through tsx. The pure-JavaScript packages are bundled in: resolving and
 * reading their hundreds of small ESM files took about half of the host's start (issue 22). Kept
 * external, loaded from node_modules as they are: native addons (better-sqlite3, pg's optional
 * native), the libraries loaded only when first needed (pdfmake with its fonts, exceljs, bwip-js:
 * src/core/lazy), and pg, which head office loads only with DATABASE_URL.
 *   node scripts/build-node.mjs          build (always)
 *   import { ensureNodeBuild }           build only when src/ changed since the last build
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NODE_OUT = path.join(ROOT, 'out/node');
export const ENTRIES = { serve: 'server/cli', hq: 'hq/cli' };
/**
 * How the compiled programs are started (npm run serve/hq, the startup benchmark): a larger young
 * generation, so the start's burst of schema objects is not collected a dozen times over (about a
 * tenth of the start); and V8's heap sized for memory rather than speed: without it the heap kept
 * the start's garbage, 57 MiB committed for 22 MiB live, until its memory reducer ran 15 s later
 * (an idle counter PC's host: about 80 MiB instead of 100; issue 22's memory budget).
 */
export const NODE_FLAGS = ['--max-semi-space-size=16', '--optimize-for-size'];
/**
 * The environment they are started with: at most two glibc malloc arenas. Each thread that
 * allocates gets an arena of its own, kept after the thread ends: the open's quick check (a worker
 * thread reading the whole file, src/core/db/check-off-thread.ts) left about 10 MiB resident for
 * the rest of the day (measured on a 50,000-ticket shop: 94 MiB after the check, 86 with two).
 */
export const NODE_ENV = { MALLOC_ARENA_MAX: '2' };
export const EXTERNAL = ['better-sqlite3', 'pdfmake', 'exceljs', 'bwip-js', 'pg', 'pg-native'];

export async function buildNode() {
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.values(ENTRIES).map((e) => `src/${e}.ts`),
    outbase: 'src',
    outdir: NODE_OUT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    external: EXTERNAL,
    // bundled CommonJS packages call require() for Node's own modules: an ESM file has none of its own
    banner: { js: "import { createRequire as __fixpointRequire } from 'node:module'; const require = __fixpointRequire(import.meta.url);" },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // a smaller file parses faster at every start; names kept for stack traces and error classes
    minify: true,
    keepNames: true,
    // licence comments beside the bundle (cli.mjs.LEGAL.txt): some name their authors in Unicode, see assertAscii
    legalComments: 'external',
    logLevel: 'warning',
  });
  assertAscii();
  fs.writeFileSync(path.join(NODE_OUT, '.built'), new Date().toISOString());
}

/**
 * esbuild escapes non-ASCII characters in strings but keeps them in regex literals, and one such
 * character makes V8 hold the whole 2 MB source of a program as a two-byte string for as long as
 * it runs (4 MB of heap instead of 2: issue 22's memory budget). Such a pattern is written with
 * new RegExp('…') instead; this names the one that slipped in.
 */
function assertAscii() {
  for (const entry of Object.values(ENTRIES)) {
    const file = path.join(NODE_OUT, `${entry}.mjs`);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`${path.relative(ROOT, file)} is not ASCII near: ${text.slice(Math.max(0, at - 60), at + 20)} (write that regular expression as new RegExp('…'))`);
  }
}

/** Newest modification time under the given folders (files only). */
export function newestMtime(...dirs) {
  let newest = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) if (fs.existsSync(d)) walk(d);
  return newest;
}

/** True when `marker` is missing or older than any file in `dirs` (or package-lock.json). */
export function isStale(marker, dirs) {
  if (!fs.existsSync(marker)) return true;
  const built = fs.statSync(marker).mtimeMs;
  return newestMtime(...dirs.map((d) => path.join(ROOT, d))) > built || fs.statSync(path.join(ROOT, 'package-lock.json')).mtimeMs > built;
}

export async function ensureNodeBuild() {
  if (isStale(path.join(NODE_OUT, '.built'), ['src/core', 'src/shared', 'src/server', 'src/hq'])) await buildNode();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await buildNode();
