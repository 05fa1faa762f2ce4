/**
 * `node --import tsx bench/login-flood.ts [--calls N]`: a signed-in clerk's `shop.get` over HTTP,
 * p95 while the shop is idle and while 40 bad sign-ins are in flight at all times — from one
 * address (a hostile LAN neighbour or page), and from 40 different sources at once (the worst
 * case for the shop-wide cap on scrypt checks). Needs no generated shop; writes its own section of
 * docs/benchmarks.md ("Sign-in flood"), leaving the rest of the file as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../src/core';
import { startShopHost } from '../src/server/shop-host';
import { replaceSection, stats, type Stats } from './lib';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '400' } } });
const calls = Number(values.calls);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-bench-flood-'));
const backend = openBackend({ dataDir: dir });
const admin = await backend.call('setup.run', { shop: { name: '压测店', code: 'BN01' }, admin: { username: 'admin', displayName: '管理员', password: 'bench-password' } });
await backend.call('users.create', { username: 'clerk', displayName: '前台', role: 'counter', password: 'bench-password' }, { token: admin.token });
const token = (await backend.call('auth.login', { username: 'clerk', password: 'bench-password' })).token;
const host = await startShopHost({ backend, port: 0, staticDir: null });
const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }).then((r) => r.json());

async function clerk(): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < 20; i++) await post('shop.get', {}, { authorization: `Bearer ${token}` });
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const r = (await post('shop.get', {}, { authorization: `Bearer ${token}` })) as { ok: boolean };
    samples.push(performance.now() - t0);
    if (!r.ok) throw new Error('shop.get failed during the flood');
  }
  return stats(samples);
}

/** Every `everyMs`, `width` bad sign-ins at once (the 40 parallel logins, again and again) until stopped. */
function flood(width: number, everyMs: number, send: (i: number) => Promise<unknown>) {
  let sent = 0;
  const inFlight = new Set<Promise<unknown>>();
  const wave = () => {
    for (let k = 0; k < width; k++) {
      const p = send(sent++).catch(() => undefined);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
  };
  wave();
  const timer = setInterval(wave, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return sent;
    },
  };
}

const idle = await clerk();

const oneSource = flood(40, 500, (i) => post('auth.login', { username: i % 2 ? 'clerk' : `nobody${i}`, password: `guess-${i}` }));
const duringOne = await clerk();
const answeredOne = await oneSource.stop();

const manySources = flood(40, 500, (i) => backend.callWire('auth.login', { username: i % 2 ? 'admin' : `nobody${i}`, password: `guess-${i}` }, { source: `ip:10.0.0.${i % 40}` }));
const duringMany = await clerk();
const answeredMany = await manySources.stop();
await host.close();
await backend.close();
fs.rmSync(dir, { recursive: true, force: true });

const f = (n: number) => (n < 1 ? n.toFixed(3) : n.toFixed(2));
const rows = [
  ['idle', idle, ''],
  ['40 parallel bad sign-ins every 0.5 s from one address (over HTTP)', duringOne, `${answeredOne} bad sign-ins meanwhile, all but a few refused before scrypt`],
  ['40 parallel bad sign-ins every 0.5 s from 40 sources (in process)', duringMany, `${answeredMany} bad sign-ins meanwhile; at most 4 scrypt checks at once`],
] as const;
const section = [
  '## Sign-in flood',
  '',
  `Written by \`node --import tsx bench/login-flood.ts\` (${calls} sequential \`shop.get\` calls over HTTP with keep-alive by a`,
  'signed-in clerk, per row; a fresh shop, no generated history).',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} (a shared machine: the p95 column is mostly other processes).`,
  'Password and PIN checks run outside the write transaction and are limited per source and for the shop',
  '(src/core/auth/guard.ts), so the flood costs the clerk at most the CPU its few scrypt checks take.',
  '',
  '| shop.get while | median | p95 | note |',
  '|---|---:|---:|---|',
  ...rows.map(([what, s, note]) => `| ${what} | ${f(s.median)} | ${f(s.p95)} | ${note} |`),
  '',
].join('\n');
console.log(section);

replaceSection(path.resolve('docs/benchmarks.md'), '## Sign-in flood', section);
