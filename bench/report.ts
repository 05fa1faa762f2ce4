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
  for (const r of results) lines.push(tableRow(r));
  const notes = results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  if (notes.length) lines.push('', '## Notes', '', ...notes);
  if (extra) lines.push('', extra);
  return lines.join('\n') + '\n';
}

function tableRow(r: BenchResult): string {
  const ratio = r.baseline ? (r.median / r.baseline.median).toFixed(2) : '';
  return `| ${r.suite} | ${r.name} | ${f(r.median)} | ${f(r.p95)} | ${r.baseline?.name ?? ''} | ${r.baseline ? f(r.baseline.median) : ''} | ${r.baseline ? f(r.baseline.p95) : ''} | ${ratio} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`;
}

/**
 * `--only` runs: the rows of the suites run replace those suites' rows of the table where they
 * stood (new suites after the last row), their notes replace their old notes, and a note says when
 * and how they were measured; every other row, note and section stays as it was.
 */
export function mergeRows(doc: string, results: BenchResult[], suites: string[], at = new Date()): string {
  const lines = doc.split('\n');
  const suiteOf = (l: string) => /^\| ([^|]+?) \| ([^|]+?) \|/.exec(l);
  const tableEnd = lines.findIndex((l, i) => i > 0 && l.startsWith('|') && !lines[i + 1]?.startsWith('|'));
  if (tableEnd < 0) throw new Error('docs/benchmarks.md has no table: run the whole bench once');
  const replaced = new Set<string>();
  let insertAt = -1;
  const kept: string[] = [];
  lines.forEach((l, i) => {
    const m = i <= tableEnd ? suiteOf(l) : null;
    if (m && suites.includes(m[1]!)) {
      replaced.add(m[2]!);
      if (insertAt < 0) insertAt = kept.length;
      return;
    }
    kept.push(l);
    if (i === tableEnd && insertAt < 0) insertAt = kept.length;
  });
  kept.splice(insertAt, 0, ...results.map(tableRow));
  // notes: the run's own, and when it ran
  const names = new Set([...replaced, ...results.map((r) => r.name)]);
  const stamp = (suite: string) => `- ${suite} rows: measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench -- --only ${suite}\``;
  const notes = [...suites.map(stamp), ...results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`)];
  const ours = (l: string) => [...names].some((n) => l.startsWith(`- ${n}: `)) || suites.some((s) => l.startsWith(`- ${s} rows: measured `));
  let out = kept.filter((l) => !ours(l));
  const notesAt = out.indexOf('## Notes');
  if (notesAt < 0) out.splice(insertAt + results.length + 1, 0, '', '## Notes', '', ...notes);
  else out.splice(notesAt + 2, 0, ...notes);
  return out.join('\n');
}
