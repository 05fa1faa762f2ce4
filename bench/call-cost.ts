/**
 * The fixed cost of a signed-in procedure call (issue 22 point 3): `backend.call('shop.get')` with a
 * clerk's token, beside the same handler run directly on a hand-made context. The difference is
 * what every call pays before and after its handler: the session check, the role check, the input
 * parse, the context, the events and (off here, as in production) the output check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../src/core';
import { handlers } from '../src/core/handlers';
import type { Ctx } from '../src/core/api/context';
import { measure, type BenchResult } from './lib';

export async function callCost(): Promise<BenchResult[]> {
  // the output check is a test-time guard (vitest sets it); a shop runs without it
  const checking = process.env.FIXPOINT_CHECK_OUTPUTS;
  delete process.env.FIXPOINT_CHECK_OUTPUTS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-bench-call-'));
  const backend = openBackend({ dataDir: dir, sync: { autoStart: false }, backups: { autoStart: false } });
  try {
    const admin = await backend.call('setup.run', { shop: { name: '基准店', code: 'BC01' }, admin: { username: 'admin', displayName: '管理员', password: 'bench-password' } });
    await backend.call('users.create', { username: 'clerk', displayName: '前台', role: 'counter', password: 'bench-password' }, { token: admin.token });
    const { token } = await backend.call('auth.login', { username: 'clerk', password: 'bench-password' });
    const s = backend.services;
    const ctx = { db: s.db, sqlite: s.sqlite, clock: s.clock, locale: 'zh-CN' } as unknown as Ctx;
    const handler = handlers['shop.get'] as (input: unknown, ctx: Ctx) => Promise<unknown>;
    const iterations = 20_000;
    const direct = await measure(() => handler({}, ctx), { iterations, warmup: 2000 });
    const call = await measure(() => backend.call('shop.get', {}, { token }), { iterations, warmup: 2000 });
    const fixed = call.median - direct.median;
    return [
      {
        suite: 'foundation',
        name: 'signed-in call (shop.get, in process): fixed cost over the handler',
        unit: 'ms',
        median: call.median,
        p95: call.p95,
        baseline: { name: 'the shop.get handler alone, on a hand-made context', median: direct.median, p95: direct.p95 },
        target: 'call − handler ≤ 0.05 ms (median)',
        met: fixed <= 0.05,
        note: `fixed cost ${(fixed * 1000).toFixed(1)} µs a call (median of ${iterations.toLocaleString('en')} calls each)`,
      },
    ];
  } finally {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (checking !== undefined) process.env.FIXPOINT_CHECK_OUTPUTS = checking;
  }
}

if (process.argv[1] && /call-cost\.ts$/.test(process.argv[1])) {
  for (const r of await callCost()) console.log(`${r.name}: median ${r.median.toFixed(4)} ms, p95 ${r.p95.toFixed(4)} ms; baseline ${r.baseline!.median.toFixed(4)} ms — ${r.note}`);
}
