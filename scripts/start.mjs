/**
 * `npm start`: the Electron app with its database in the user's data folder. Where no
 * Electron binary is installed, says so in one line and serves the same app to a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args) => {
  const r = spawnSync(npx, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

/** Same folder Electron's app.getPath('userData') gives for productName "Fixpoint". */
function userDataDir() {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Fixpoint');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Fixpoint');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Fixpoint');
}

const electron = electronBinary();
if (electron) {
  run(['node', 'scripts/rebuild-electron.mjs']);
  run(['electron-vite', 'build']);
  const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // The URL is printed by the host itself once it listens (building first can take a while).
  console.log('No Electron binary is installed here, so Fixpoint runs in your browser instead; the address follows once it is ready.');
  const port = process.env.PORT ?? '4780';
  const child = spawn(process.execPath, ['scripts/run-built.mjs', 'serve', '--data-dir', path.join(userDataDir(), 'data'), '--port', port, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
