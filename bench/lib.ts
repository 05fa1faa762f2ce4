import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One benchmark line: our figure beside a baseline measured in the same run. */
export interface BenchResult {
  suite: string;
  name: string;
  unit: 'ms';
  median: number;
  p95: number;
  baseline?: { name: string; median: number; p95: number };
  /** The target in words, e.g. "p95 < 0.2 ms", and whether this run met it. */
  target?: string;
  met?: boolean;
  note?: string;
}

export interface Stats {
  median: number;
  p95: number;
  samples: number[];
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchResult[]>;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx]!;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), samples };
}

/** Times `fn` `iterations` times (after `warmup` untimed runs), in milliseconds per call. */
export async function measure(
  fn: () => unknown | Promise<unknown>,
  opts: { iterations: number; warmup?: number },
): Promise<Stats> {
  for (let i = 0; i < (opts.warmup ?? Math.min(50, opts.iterations)); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** Synchronous variant: avoids the await overhead for microsecond-scale work. */
export function measureSync(fn: () => unknown, opts: { iterations: number; warmup?: number }): Stats {
  for (let i = 0; i < (opts.warmup ?? Math.min(50, opts.iterations)); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.iterations; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** Puts `section` (starting with `heading`) into a markdown file in place of the one there, else at its end; the rest stays. */
export function replaceSection(doc: string, heading: string, section: string): void {
  const text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
  const start = text.indexOf(heading);
  const next = start < 0 ? -1 : text.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, start)}${section}${next < 0 ? '' : text.slice(next + 1)}`;
  fs.writeFileSync(doc, updated.endsWith('\n') ? updated : `${updated}\n`);
}
