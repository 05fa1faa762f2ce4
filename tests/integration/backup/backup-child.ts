/**
 * A shop backend in its own process taking one backup (kill -9 tests).
 * `node --import tsx backup-child.ts <dataDir>`; prints BACKUP-STARTED, then BACKUP-DONE <file>.
 */
import { openBackend } from '../../../src/core';
import { runBackup } from '../../../src/core/backup/run';

const backend = openBackend({ dataDir: process.argv[2]!, sync: { autoStart: false }, backups: { autoStart: false } });
process.stdout.write('BACKUP-STARTED\n');
const rec = await runBackup(backend.services, { trigger: 'manual' });
process.stdout.write(`BACKUP-DONE ${rec.file}\n`);
await backend.close();
