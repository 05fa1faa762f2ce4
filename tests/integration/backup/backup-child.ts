/**
 * A shop backend in its own process taking one backup (kill -9 tests).
 * `node --import tsx backup-child.ts <dataDir> <startMs>`; prints BACKUP-STARTED, then BACKUP-DONE <file>.
 * It runs on the test's clock from `startMs` (never the machine's date: its backup record must
 * sort after the test's earlier ones whatever the date of the machine).
 */
import { openBackend } from '../../../src/core';
import { runBackup } from '../../../src/core/backup/run';
import { RunningClock } from '../../helpers/clock';

const backend = openBackend({ dataDir: process.argv[2]!, clock: new RunningClock(Number(process.argv[3])), sync: { autoStart: false }, backups: { autoStart: false } });
process.stdout.write('BACKUP-STARTED\n');
const rec = await runBackup(backend.services, { trigger: 'manual' });
process.stdout.write(`BACKUP-DONE ${rec.file}\n`);
await backend.close();
