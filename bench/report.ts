import os from 'node:os';
import type { BenchResult } from './lib';

const f = (n: number) => (n < 0.1 ? n.toFixed(4) : n < 10 ? n.toFixed(3) : n.toFixed(1));

/** docs/benchmarks.md: medians and p95 beside the same-run baseline, and whether each target was met. */
export function benchReport(results: BenchResult[], context: string[], extra = ''): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`; every figure is in milliseconds, measured on this machine in one run,',
    'each beside a baseline measured in the same run (ratio = ours ÷ baseline, by median).',
    '',
    `- machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `- date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    ...context.map((c) => `- ${c}`),
    '',
    '| suite | what | median | p95 | baseline | baseline median | baseline p95 | ratio | target | met |',
    '|---|---|---:|---:|---|---:|---:|---:|---|---|',
  ];
  for (const r of results) {
    const ratio = r.baseline ? (r.median / r.baseline.median).toFixed(2) : '';
    lines.push(
      `| ${r.suite} | ${r.name} | ${f(r.median)} | ${f(r.p95)} | ${r.baseline?.name ?? ''} | ${r.baseline ? f(r.baseline.median) : ''} | ${r.baseline ? f(r.baseline.p95) : ''} | ${ratio} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`,
    );
  }
  const notes = results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  if (notes.length) lines.push('', '## Notes', '', ...notes);
  if (extra) lines.push('', extra);
  return lines.join('\n') + '\n';
}
