import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../core';
import { seedDemo, demoLoginsText, configureDemoBackups } from '../core/demo';
import { defaultStaticDir, startShopHost } from './shop-host';
import { AppError } from '../shared/api/errors';
import { pickLocale } from '../shared/i18n/translate';
import type { Clock } from '../shared/util/ids';
import { runBackup, storedKey } from '../core/backup/run';
import { restoreIntoFolder } from '../core/backup/restore';
import { parseRecoveryKey } from '../core/backup/recovery-key';
import { restoreFromHq } from '../core/sync/restore-from-hq';

/**
 * `npm run serve -- [--data-dir DIR] [--port N] [--host ADDR] [--demo]`: the shop host under plain Node.
 * `npm run serve -- backup [--data-dir DIR]`: one backup now, to the folder set in Settings → Backups.
 * `npm run serve -- restore --file F.fxbak [--recovery-key KEY] [--data-dir DIR]`: restores a backup
 * into the data folder while no program has it open (the current files are moved aside first);
 * onto an empty folder (a new PC) it needs the recovery key.
 * `npm run serve -- restore-from-hq --url URL --code CODE [--admin-user U --admin-password P] [--data-dir DIR]`:
 * a new or wiped PC becomes an existing shop again from what head office holds (a re-enrollment
 * code from `npm run hq -- shops code <shop>`); the admin given can sign in at once.
 */
export async function main(argv = process.argv.slice(2)) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: './data' },
      port: { type: 'string', default: '4780' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      static: { type: 'string' },
      file: { type: 'string' },
      'recovery-key': { type: 'string' },
      url: { type: 'string' },
      code: { type: 'string' },
      'admin-user': { type: 'string' },
      'admin-password': { type: 'string' },
    },
  });
  const dataDir = path.resolve(values['data-dir']!);
  if (positionals[0] === 'restore') return restoreCommand(dataDir, values.file, values['recovery-key']);
  if (positionals[0] === 'backup') {
    const b = openBackend({ dataDir, sync: { autoStart: false }, backups: { autoStart: false } });
    try {
      const rec = await runBackup(b.services, { trigger: 'manual' });
      console.log(`Backup written: ${rec.file} (${rec.sizeBytes} bytes, ${rec.durationMs} ms)`);
    } finally {
      await b.close();
    }
    return;
  }
  if (positionals[0] === 'restore-from-hq') {
    if (!values.url || !values.code) throw new Error('usage: restore-from-hq --url URL --code CODE [--admin-user U --admin-password P] [--data-dir DIR]');
    const b = openBackend({ dataDir, sync: { autoStart: false }, backups: { autoStart: false } });
    try {
      const admin = values['admin-user'] && values['admin-password'] ? { username: values['admin-user'], displayName: values['admin-user'], password: values['admin-password'] } : undefined;
      const r = await restoreFromHq(b.services, { url: values.url, code: values.code, ...(admin ? { admin } : {}) });
      console.log(`RESTORED shop ${r.code}: ${r.rows} rows of ${r.tables} tables from head office (${r.placeholderUsers} former local users kept as disabled placeholders, ${r.foreignKeyIssues} unresolved references)`);
    } finally {
      await b.close();
    }
    return;
  }
  if (positionals.length) throw new Error(`unknown command ${positionals[0]} (serve | backup | restore | restore-from-hq)`);
  const backend = openBackend({ dataDir, clock: testClockFromEnv(process.env) });
  if (values.demo) {
    const seeded = await seedDemo(backend);
    console.log(seeded ? 'Demo shop created. Sign in as:' : 'Demo shop already present. Sign in as:');
    console.log(demoLoginsText());
    if (seeded) {
      const b = await configureDemoBackups(backend);
      if (b) console.log(`Backups: ${b.dir} (daily and after the daily close; Settings → Backups). Recovery key, shown once: ${b.recoveryKey}`);
    }
  }
  const staticDir = values.static ? path.resolve(values.static) : defaultStaticDir();
  const host = await startShopHost({ backend, port: Number(values.port), host: values.host, staticDir });
  if (!staticDir) console.log('Renderer not built (npm run build:web); serving the API only.');
  console.log(`Fixpoint shop host on ${host.url} (data: ${dataDir})`);
  const stop = async () => {
    await host.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * FIXPOINT_TEST_CLOCK=<ISO instant> starts the shop's clock at that instant (then it runs), so an
 * end-to-end test can drive a host that never sees today's date. Tests only: a production run
 * (NODE_ENV=production) refuses it rather than let a shop's ledgers carry a fake date.
 */
export function testClockFromEnv(env: NodeJS.ProcessEnv): Clock | undefined {
  const start = env.FIXPOINT_TEST_CLOCK;
  if (!start) return undefined;
  if (env.NODE_ENV === 'production') throw new Error('FIXPOINT_TEST_CLOCK is for tests and is refused in production (NODE_ENV=production).');
  const ms = Date.parse(start);
  if (!Number.isFinite(ms)) throw new Error(`FIXPOINT_TEST_CLOCK is not an ISO instant: ${start}`);
  const t0 = performance.now();
  console.log(`Test clock: the shop's time starts at ${new Date(ms).toISOString()}`);
  return { now: () => new Date(ms + Math.floor(performance.now() - t0)) };
}

async function restoreCommand(dataDir: string, file: string | undefined, recoveryKey: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: restore --file BACKUP.fxbak [--recovery-key KEY] [--data-dir DIR]');
  let key: Buffer | null = null;
  if (recoveryKey) {
    key = parseRecoveryKey(recoveryKey);
    if (!key) throw new AppError('RULE', { key: 'backup.restore.error.wrongKey' });
  } else if (fs.existsSync(path.join(dataDir, 'shop.sqlite'))) {
    // the same PC: the key is in the current database (readable with its secret key)
    const b = openBackend({ dataDir, sync: { autoStart: false }, backups: { autoStart: false } });
    try {
      key = storedKey(b.services);
    } finally {
      await b.close();
    }
  }
  if (!key) throw new AppError('RULE', { key: 'backup.restore.error.keyNeeded' });
  const res = await restoreIntoFolder(dataDir, path.resolve(file), key, { now: new Date() });
  // Opening it migrates an older schema and checks it; head office hears of it at the next sync.
  const b = openBackend({ dataDir, sync: { autoStart: false }, backups: { autoStart: false } });
  await b.close();
  console.log(`Restored ${res.restoredFrom} (taken ${res.createdAt}) into ${dataDir}; the previous files are in ${res.keptAside}`);
}

const isEntry = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  main().catch((e: unknown) => {
    // A refused database (newer schema) and other typed errors read as sentences, not keys.
    if (e instanceof AppError) console.error(e.toWire(pickLocale(process.env.LANG, 'en')).message);
    else console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
