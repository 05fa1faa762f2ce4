import path from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend } from '../core';
import { seedDemo, demoLoginsText } from '../core/demo';
import { defaultStaticDir, startShopHost } from './shop-host';
import { AppError } from '../shared/api/errors';
import { pickLocale } from '../shared/i18n/translate';

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
  const backend = openBackend({ dataDir });
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

const isEntry = process.argv[1] && /cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  main().catch((e: unknown) => {
    // A refused database (newer schema) and other typed errors read as sentences, not keys.
    if (e instanceof AppError) console.error(e.toWire(pickLocale(process.env.LANG, 'en')).message);
    else console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
