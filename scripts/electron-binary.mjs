import fs from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron executable if one is installed, else null (electron's package throws when its download was skipped). */
export function electronBinary() {
  try {
    const p = createRequire(import.meta.url)('electron');
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export function electronVersion() {
  const require = createRequire(import.meta.url);
  return require('electron/package.json').version;
}
