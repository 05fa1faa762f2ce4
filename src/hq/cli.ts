import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openHqDatabase } from './db';
import { buildHqApp } from './app';
import { HqError } from './errors';
import { HqService, type HqFaults } from './service';
import { LATEST_SHOP_SCHEMA, OLDEST_SHOP_SCHEMA, SHOP_SCHEMA_VERSIONS, shapesAt } from './shapes';
import { pulledKinds } from '../shared/sync/kinds';
import { httpSettingsFromEnv } from './http/settings';
import { usersCommand } from './console/cli-users';
import { defaultConsoleDir } from './console/static';
import { createGateway, gatewaySettingsSchema } from '../core/messaging/gateway';
import { startMessages } from './messages/ticker';

/**
 * `npm run hq -- [--data-dir DIR] [--port N] [--host ADDR]`: the head-office server.
 * `npm run hq -- shops create --code SZ01 --name 福田店 | shops list | shops revoke <id|code> | shops code <id|code>`.
 * `npm run hq -- items kinds | items publish --kind parts.catalog [--shop <id|code>] --file items.json`.
 * `npm run hq -- users add --username U --name N --role network_admin --password-stdin | users list`.
 * The console is served at /console/ from out/hq-console; HQ_CONSOLE_HOSTS names the public host(s).
 * Stores in SQLite (DIR/hq.sqlite) unless DATABASE_URL is set (PostgreSQL). The admin API needs
 * HQ_ADMIN_TOKEN (or --admin-token); the shops commands work on the database directly. Request
 * handling: HQ_TRUST_PROXY, HQ_BODY_TIMEOUT_MS, HQ_RATE_LIMITS (src/hq/http/settings.ts).
 */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string', default: process.env.HQ_DATA_DIR ?? './hq-data' },
      port: { type: 'string', default: process.env.HQ_PORT ?? '4790' },
      host: { type: 'string', default: process.env.HQ_HOST ?? '127.0.0.1' },
      'admin-token': { type: 'string' },
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      shop: { type: 'string' },
      file: { type: 'string' },
      json: { type: 'boolean', default: false },
      username: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const store = await openHqDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir: path.resolve(values['data-dir']!) });
  const faults: HqFaults = {};
  // Test hook (fault tests kill head office inside a push's transaction): never set in production.
  if (process.env.FIXPOINT_HQ_FAULT === 'stall-before-commit') {
    faults.beforeCommit = () => {
      process.stdout.write('HQ-STALLED\n');
      return new Promise<void>(() => undefined);
    };
  }
  const service = new HqService(store, { faults, ...smsFromEnv(process.env, path.resolve(values['data-dir']!)), ...(process.env.HQ_PUBLIC_URL ? { publicUrl: process.env.HQ_PUBLIC_URL } : {}) });

  if (positionals[0] === 'items') {
    // Publishes head-office data (what the admin API's POST /admin/v1/items does) from a JSON file:
    // an array of { id, data } or { id, deleted: true }.
    try {
      if (positionals[1] === 'kinds') {
        for (const [kind, def] of Object.entries(pulledKinds)) console.log(`${kind.padEnd(18)} ${def.scope === 'shop' ? '--shop' : 'all shops'.padEnd(6)}  ${def.summary}`);
      } else if (positionals[1] === 'publish' && values.kind && values.file) {
        const items = JSON.parse(fs.readFileSync(values.file, 'utf8')) as unknown;
        const r = await service.publish({ kind: values.kind, ...(values.shop ? { shopId: values.shop } : {}), items }, { kind: 'cli' });
        console.log(values.json ? JSON.stringify(r) : `Published ${r.changes.length} ${values.kind} item(s), changes ${r.changes[0]}–${r.changes[r.changes.length - 1]}.`);
      } else {
        console.error('usage: hq items kinds | items publish --kind KIND [--shop <id|code>] --file ITEMS.json   (ITEMS.json: [{ "id": ..., "data": {...} } | { "id": ..., "deleted": true }])');
        process.exitCode = 2;
      }
    } catch (e) {
      console.error(e instanceof HqError ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : e);
      process.exitCode = 1;
    } finally {
      await store.close();
    }
    return;
  }

  if (positionals[0] === 'users') {
    try {
      process.exitCode = await usersCommand(service, positionals.slice(1), values);
    } finally {
      await store.close();
    }
    return;
  }

  if (positionals[0] === 'shops') {
    const print = (x: unknown) => console.log(JSON.stringify(x, null, 2));
    try {
      const cmd = positionals[1];
      if (cmd === 'create') {
        const r = await service.createShop({ code: values.code ?? '', name: values.name ?? '' });
        if (values.json) print(r);
        else console.log(`Shop ${r.shop.code} (${r.shop.name}) created, id ${r.shop.id}\nEnrollment code (one use, until ${r.expiresAt}): ${r.enrollmentCode}`);
      } else if (cmd === 'list') {
        const shops = await service.listShops();
        if (values.json) print(shops);
        else
          console.table(
            shops.map((s) => ({ code: s.code, name: s.name, id: s.id, enrolled: s.enrolled, revoked: s.revoked, lastSeq: s.lastSeq, lastPush: s.lastPushAt ?? '-', lastPull: s.lastPullAt ?? '-' })),
          );
      } else if (cmd === 'revoke' && positionals[2]) {
        const s = await service.revoke(positionals[2]);
        console.log(`Token of shop ${s.code} revoked.`);
      } else if (cmd === 'code' && positionals[2]) {
        const r = await service.newEnrollmentCode(positionals[2]);
        console.log(`New enrollment code for ${r.shop.code} (until ${r.expiresAt}): ${r.enrollmentCode}`);
      } else {
        console.error('usage: hq shops create --code CODE --name NAME | shops list | shops revoke <id|code> | shops code <id|code>');
        process.exitCode = 2;
      }
    } catch (e) {
      console.error(e instanceof HqError ? `${e.code}: ${e.message}` : e);
      process.exitCode = 1;
    } finally {
      await store.close();
    }
    return;
  }

  // Build the row shapes of every accepted shop schema now (an in-memory migration run and zod
  // schemas, ~0.1 s): otherwise the first pushes after a start wait for it.
  for (let v = OLDEST_SHOP_SCHEMA; v <= LATEST_SHOP_SCHEMA; v++) if (SHOP_SCHEMA_VERSIONS.includes(v)) shapesAt(v);
  const adminToken = values['admin-token'] ?? process.env.HQ_ADMIN_TOKEN ?? null;
  const http = httpSettingsFromEnv(process.env);
  const consoleHosts = (process.env.HQ_CONSOLE_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const app = buildHqApp({ service, adminToken, http, logger: { level: process.env.LOG_LEVEL ?? 'info' }, console: { staticDir: defaultConsoleDir(), publicHosts: consoleHosts } });
  const address = await app.listen({ port: Number(values.port), host: values.host });
  app.log.info({ address, store: store.describe, adminApi: !!adminToken, trustProxy: http.trustProxy, bodyTimeoutMs: http.bodyTimeoutMs, rateLimits: http.rateLimits }, 'Fixpoint head office listening');
  if (!adminToken) app.log.warn('HQ_ADMIN_TOKEN not set: the admin API is disabled (the shops CLI still works)');
  // customer messages: planned and sent every minute (HQ_SMS_GATEWAY; links need HQ_PUBLIC_URL)
  startMessages(service, 60_000, (e) => app.log.error(e, 'customer messages'));
  process.stdout.write(`HQ-LISTENING ${address}\n`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isEntry = process.argv[1] && /hq[\\/]cli\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

/**
 * Head office's SMS gateway (approval codes, customer messages): HQ_SMS_GATEWAY holds its settings
 * as JSON (`{"kind":"aliyun","accessKeyId":…,"templates":{"approval_code":"SMS_123"}}`, see
 * src/shared/messaging/gateway-settings.ts); without it, a log gateway writing <data-dir>/sms-log.jsonl.
 */
function smsFromEnv(env: NodeJS.ProcessEnv, dataDir: string) {
  let raw: unknown = { kind: 'log' };
  try {
    if (env.HQ_SMS_GATEWAY) raw = JSON.parse(env.HQ_SMS_GATEWAY);
  } catch {
    throw new Error('HQ_SMS_GATEWAY is not JSON');
  }
  const parsed = gatewaySettingsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`HQ_SMS_GATEWAY: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  const settings = parsed.data;
  if (settings.kind === 'log') fs.mkdirSync(dataDir, { recursive: true });
  const sms = createGateway(settings, { clock: { now: () => new Date() }, ...(settings.kind === 'log' ? { log: { file: path.join(dataDir, 'sms-log.jsonl') } } : {}) });
  return { sms, smsTemplates: settings.templates };
}
