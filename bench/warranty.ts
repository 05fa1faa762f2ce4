/**
 * Warranty engine benchmarks: (a) one evaluation of a busy device (history, current ticket,
 * programs, several lines) against a same-run baseline of JSON.stringify on the same input
 * (the cost of merely serialising what the engine reads); (b) 10,000 varied devices in one batch;
 * (c) the same device through `warranty.evaluate` (backend.call: session, zod at the boundary,
 * policy and calendar from the database, reasons rendered) beside the pure evaluate of this run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, measureSync, stats, type BenchResult, type BenchSuite } from './lib';
import { performance } from 'node:perf_hooks';
import { openBackend } from '../src/core';
import { LAPTOP_2002, PHONE_2001, addDays, evaluate, type EvaluationInput } from '../src/shared/warranty';

function device(i: number): EvaluationInput {
  const phone = i % 3 !== 0;
  const invoice = addDays('2024-01-01', (i * 37) % 900);
  const today = addDays(invoice, 5 + ((i * 53) % 1000));
  const sent = addDays(today, -((i % 20) + 1));
  const rep = (k: number) => ({
    faultCode: k % 2 ? 'no_boot' : 'no_signal',
    sentIn: addDays(invoice, 30 + k * 40),
    returnedOn: addDays(invoice, 33 + k * 40),
    partsWaitDays: 0,
    outcome: 'fixed' as const,
    chargeable: false,
    partsReplaced: k === 1 ? [{ part: phone ? 'battery' : 'mainboard', completedOn: addDays(invoice, 33 + k * 40), period: { n: 6, unit: 'month' as const } }] : [],
  });
  const history = [0, 1, 2].filter((k) => 33 + k * 40 < (i * 53) % 1000 - 25).map(rep);
  return {
    policy: phone ? PHONE_2001 : LAPTOP_2002,
    device: { category: phone ? 'phone' : 'laptop', purchasePrice: 299900 + (i % 7) * 10000, hasInvoice: i % 11 !== 0, invoiceDate: invoice, factoryDate: addDays(invoice, -60) },
    programs: [
      { kind: 'extended_warranty', id: 'ext', years: 2, coversAccessories: false },
      { kind: 'accidental_damage', id: 'adh', validFrom: invoice, validTo: addDays(invoice, 729), discountBp: 8000, deductible: 10000, capPerClaim: 200000, capPerTerm: 400000, usedThisTerm: 0, covers: ['impact', 'liquid'] },
    ],
    findings: i % 5 === 0 ? ['impact'] : [],
    history,
    current: { faultCode: 'no_boot', sentIn: sent, partsWaitDays: i % 4, performanceFault: i % 2 === 0 },
    today,
    lines: [
      { id: 'labor', type: 'labor', part: null, price: 8000 },
      { id: 'p1', type: 'part', part: phone ? 'battery' : 'mainboard', price: 25000 },
      { id: 'p2', type: 'part', part: phone ? 'screen' : 'display', price: 120000 },
    ],
  };
}

export const warrantySuite: BenchSuite = {
  name: 'warranty',
  async run(): Promise<BenchResult[]> {
    const one = device(4);
    const single = measureSync(() => evaluate(one), { iterations: 20000, warmup: 2000 });
    const base = measureSync(() => JSON.stringify(one), { iterations: 20000, warmup: 2000 });

    // Through the backend before the 10,000-device batch, so its garbage does not land in these samples.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-bench-warranty-'));
    const backend = openBackend({ dataDir: dir });
    const { token } = await backend.call('setup.run', {
      shop: { name: 'Bench', code: 'BN01' },
      admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
    });
    const { policy, device: dev, ...rest } = one;
    const { category, ...deviceFields } = dev;
    void policy;
    const request = { category, device: deviceFields, ...rest };
    const viaCall = await measure(() => backend.call('warranty.evaluate', request, { token, locale: 'zh-CN' }), { iterations: 3000, warmup: 300 });
    const pureSameRun = measureSync(() => evaluate(one), { iterations: 3000, warmup: 300 });
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });


    const batch = Array.from({ length: 10_000 }, (_, i) => device(i));
    for (const d of batch.slice(0, 500)) evaluate(d); // warm the JIT on varied shapes
    const runs: number[] = [];
    for (let r = 0; r < 7; r++) {
      const t0 = performance.now();
      for (const d of batch) evaluate(d);
      runs.push(performance.now() - t0);
    }
    const b = stats(runs);

    return [
      {
        suite: 'warranty',
        name: 'evaluate one device (history, ticket, 2 programs, 3 lines)',
        unit: 'ms',
        median: single.median,
        p95: single.p95,
        baseline: { name: 'JSON.stringify of the same input', median: base.median, p95: base.p95 },
        target: 'p95 < 0.2 ms',
        met: single.p95 < 0.2,
      },
      {
        suite: 'warranty',
        name: 'evaluate 10,000 devices in one batch',
        unit: 'ms',
        median: b.median,
        p95: b.p95,
        target: '< 1000 ms',
        met: b.median < 1000,
        note: `median of ${runs.length} runs`,
      },
      {
        suite: 'warranty',
        name: 'warranty.evaluate through backend.call (same device, zh-CN reasons)',
        unit: 'ms',
        median: viaCall.median,
        p95: viaCall.p95,
        baseline: { name: 'pure evaluate of the same device, same run', median: pureSameRun.median, p95: pureSameRun.p95 },
        target: 'p95 < 1 ms',
        met: viaCall.p95 < 1,
        note: 'session check, zod input parse, policy + calendar rows (parsed once, cached by immutable row id), today from the shop time zone',
      },
    ];
  },
};
