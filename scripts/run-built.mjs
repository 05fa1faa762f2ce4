/**
 * `npm run serve` / `npm run hq`: builds what is missing or stale, then runs the compiled
 * program under plain Node. The shop host needs the renderer too: built here when src/renderer
 * (or src/shared) changed since out/renderer was written, so a fresh clone serves its pages on
 * the first `npm run serve`, not a 404.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTRIES, NODE_ENV, NODE_FLAGS, NODE_OUT, ensureNodeBuild, isStale } from './build-node.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [program, ...args] = process.argv.slice(2);
if (!(program in ENTRIES)) {
  console.error(`usage: node scripts/run-built.mjs ${Object.keys(ENTRIES).join('|')} [args…]`);
  process.exit(2);
}

if (program === 'serve' && isStale(path.join(ROOT, 'out/renderer/index.html'), ['src/renderer', 'src/shared'])) {
  console.log('Building the renderer (out/renderer)…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// Head office serves its console (out/hq-console) the same way.
if (program === 'hq' && isStale(path.join(ROOT, 'out/hq-console/index.html'), ['src/hq-console', 'src/shared'])) {
  console.log('Building the head-office console (out/hq-console)…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.hq-console.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await ensureNodeBuild();

// No --enable-source-maps: it parses the 5 MB map at every start (about 200 ms, issue 22). A stack
// trace in the log is mapped afterwards from out/node/*.map when needed.
const child = spawn(process.execPath, [...NODE_FLAGS, path.join(NODE_OUT, `${ENTRIES[program]}.mjs`), ...args], { stdio: 'inherit', env: { ...NODE_ENV, ...process.env } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
