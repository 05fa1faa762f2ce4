/**
 * `npm run seed -- --tickets N [--data-dir DIR] [--seed S] [--years Y]`: a realistic
 * shop history on a fresh database, written straight through prepared statements in
 * large transactions (outbox triggers off: a generated history counts as synced).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../src/core';
import { seedDemoUsers } from '../src/core/demo/users';
import { idFactory, rng, type SeedContext } from './seed/context';
import { seedSteps } from './seed/steps';
import { withoutOutbox } from './seed/outbox';

/** `endMs`: the instant the generated history ends (default now; tests pass their clock's instant). */
export async function seed(opts: { dataDir: string; tickets: number; seed?: number; years?: number; quiet?: boolean; endMs?: number }): Promise<string> {
  const file = path.join(path.resolve(opts.dataDir), 'shop.sqlite');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const t0 = performance.now();
  const endMs = opts.endMs ?? Date.now();
  const backend = openBackend({ file, clock: { now: () => new Date(endMs) } });
  await seedDemoUsers(backend);
  const { sqlite } = backend.services;
  const shop = sqlite.prepare('SELECT id, code FROM shop').get() as { id: string; code: string };
  const users = sqlite.prepare('SELECT id, role FROM users').all() as { id: string; role: string }[];
  const log = (msg: string) => opts.quiet || console.log(`  ${msg} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const ctx: SeedContext = {
    sqlite,
    rand: rng(opts.seed ?? 42),
    endMs,
    spanDays: Math.round((opts.years ?? 3) * 365),
    tickets: opts.tickets,
    shop,
    users,
    idAt: idFactory(),
    log,
  };
  sqlite.pragma('synchronous = OFF'); // generated data: speed over durability, restored below
  await withoutOutbox(sqlite, async () => {
    for (const step of seedSteps) {
      await step.run(ctx);
      log(`${step.name} done`);
    }
  });
  sqlite.pragma('synchronous = FULL');
  sqlite.exec('ANALYZE');
  await backend.close();
  log(`wrote ${file}`);
  return file;
}

const isEntry = process.argv[1] && /seed\.(ts|mts|js)$/.test(process.argv[1]);
if (isEntry) {
  const { values } = parseArgs({
    options: {
      tickets: { type: 'string', default: '10000' },
      'data-dir': { type: 'string', default: './data-seed' },
      seed: { type: 'string', default: '42' },
      years: { type: 'string', default: '3' },
    },
  });
  console.log(`Seeding ${values.tickets} tickets into ${values['data-dir']}…`);
  await seed({ dataDir: values['data-dir']!, tickets: Number(values.tickets), seed: Number(values.seed), years: Number(values.years) });
  console.log('Sign in with the demo logins (admin / admin-demo).');
}
