import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../core';
import { seedDemo, demoLoginsText } from '../core/demo';
import { defaultStaticDir, startShopHost } from './shop-host';
import { AppError } from '../shared/api/errors';
import { pickLocale } from '../shared/i18n/translate';
import type { Clock } from '../shared/util/ids';

/** `npm run serve -- [--data-dir DIR] [--port N] [--host ADDR] [--demo]`: the shop host under plain Node. */
export async function main(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string', default: './data' },
      port: { type: 'string', default: '4780' },
      host: { type: 'string' },
      demo: { type: 'boolean', default: false },
      static: { type: 'string' },
    },
  });
  const dataDir = path.resolve(values['data-dir']!);
  const backend = openBackend({ dataDir, clock: testClockFromEnv(process.env) });
  if (values.demo) {
    const seeded = await seedDemo(backend);
    console.log(seeded ? 'Demo shop created. Sign in as:' : 'Demo shop already present. Sign in as:');
    console.log(demoLoginsText());
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

const isEntry = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  main().catch((e: unknown) => {
    // A refused database (newer schema) and other typed errors read as sentences, not keys.
    if (e instanceof AppError) console.error(e.toWire(pickLocale(process.env.LANG, 'en')).message);
    else console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
