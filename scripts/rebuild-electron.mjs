/**
 * Builds better-sqlite3 for Electron's ABI into native/electron/, beside (never over)
 * the Node build in node_modules that tests and the headless host use. Tries a prebuilt
 * binary first (prebuild-install), then compiles against Electron's headers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronVersion } from './electron-binary.mjs';

const out = path.resolve('native/electron/better_sqlite3.node');
const version = electronVersion();
const stamp = path.resolve('native/electron/VERSION');
if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === version) {
  process.exit(0);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-bsql-'));
fs.cpSync(path.resolve('node_modules/better-sqlite3'), work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
const bin = (name) => path.resolve('node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
try {
  run(bin('prebuild-install'), ['--runtime', 'electron', '--target', version, '--arch', process.arch]);
} catch {
  console.log(`No prebuilt better-sqlite3 for Electron ${version}; compiling against Electron headers…`);
  run(bin('node-gyp'), ['rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), out);
fs.writeFileSync(stamp, version);
fs.rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron ${version} → ${path.relative(process.cwd(), out)}`);
