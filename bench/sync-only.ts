/**
 * Runs the sync benchmarks without the rest of the suite and without writing docs/benchmarks.md:
 * `FIXPOINT_BENCH_SYNC_ONLY=concurrency [FIXPOINT_BENCH_SYNC_DB=sqlite|postgres] node --import tsx bench/sync-only.ts`.
 */
import { syncSuite } from './sync';

for (const r of await syncSuite.run()) {
  console.log(
    `${r.name}: median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms` +
      (r.baseline ? ` (baseline median ${r.baseline.median.toFixed(1)} ms, p95 ${r.baseline.p95.toFixed(1)} ms)` : '') +
      ` — ${r.met ? 'met' : 'NOT met'}${r.note ? ` (${r.note})` : ''}`,
  );
}
process.exit(0);
