/**
 * The data folder holds customers' records and the key of their passcodes: it is the user's
 * alone (0700, files 0600), whatever the umask. SQLite gives its -wal and -shm files the mode of
 * the database file, so creating that file 0600 before SQLite opens it covers all three; a
 * folder from an earlier version is tightened on open. (On Windows the modes mean little; the
 * folder sits in the user's profile.)
 */
import fs from 'node:fs';
import path from 'node:path';

export function preparePrivateDataDir(dir: string, dbFile: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  fs.closeSync(fs.openSync(dbFile, 'a', 0o600));
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = fs.lstatSync(file);
    if (stat.isFile() && (stat.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  }
}
