/**
 * Runs a test command, under Debian's faketime when FIXPOINT_DATE_SHIFT is set (e.g.
 * "+400 days" or "-365 days"): the machine's date moves, and a test that reads today's date
 * for a business date fails on every run instead of next month. `.ci/run` sets it for vitest.
 *   FIXPOINT_DATE_SHIFT='+400 days' npm test
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [name, ...args] = process.argv.slice(2);
// faketime execs the command itself: give it the project's bin when there is one (npm puts
// node_modules/.bin on PATH for scripts, a plain `node scripts/shifted.mjs vitest` does not).
const local = path.resolve('node_modules/.bin', name);
const cmd = fs.existsSync(local) ? local : name;
const shift = process.env.FIXPOINT_DATE_SHIFT?.trim();
let run = [cmd, args];
if (shift) {
  const probe = spawnSync('faketime', [shift, 'date', '-u', '+%Y-%m-%d %H:%M'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.error(`FIXPOINT_DATE_SHIFT=${shift} needs faketime (apt-get install faketime): ${probe.error?.message ?? probe.stderr}`);
    process.exit(2);
  }
  console.log(`[date shift] ${name} runs with the machine's date moved ${shift}: ${probe.stdout.trim()} UTC`);
  run = ['faketime', [shift, cmd, ...args]];
}
// The shift moves the calendar only; timers keep the real monotonic clock.
const r = spawnSync(run[0], run[1], { stdio: 'inherit', env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' } });
process.exit(r.status ?? 1);
