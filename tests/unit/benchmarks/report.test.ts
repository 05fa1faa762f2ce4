import { describe, expect, it } from 'vitest';
import { mergeRows } from '../../../bench/report';
import type { BenchResult } from '../../../bench/lib';

const DOC = `# Benchmarks

- date: 2026-11-23 16:06 UTC

| suite | what | median | p95 | baseline | baseline median | baseline p95 | ratio | target | met |
|---|---|---:|---:|---|---:|---:|---:|---|---|
| intake | search | 5.898 | 9.725 | raw | 0.0152 | 0.0175 | 387.98 | p95 < 15 ms | yes |
| sync | first push | 2545.5 | 2545.5 | raw post | 896.7 | 896.7 | 2.84 | < 30,000 ms | yes |
| sync | old row gone now | 7.071 | 18.0 | raw | 1.562 | 2.955 | 4.53 | p95 < 300 ms | yes |
| stock | one movement | 0.650 | 1.251 | raw | 0.210 | 0.324 | 3.09 | p95 < 5 ms | yes |

## Start

kept as written by hand

## Notes

- search: kept
- old row gone now: an old note
`;

const run: BenchResult[] = [
  { suite: 'sync', name: 'first push', unit: 'ms', median: 1500, p95: 1500, baseline: { name: 'raw post', median: 1000, p95: 1000 }, target: '≤ 2 × baseline', met: true },
  { suite: 'sync', name: 'nothing to do', unit: 'ms', median: 4, p95: 6, baseline: { name: 'empty post', median: 2, p95: 3 }, met: true, note: 'no commit' },
];

describe('benchmarks.md after an --only run', () => {
  it('replaces that suite’s rows where they stood and its notes, keeps every other row and section', () => {
    const out = mergeRows(DOC, run, ['sync'], new Date('2026-12-03T19:05:00Z'));
    const lines = out.split('\n');
    const table = lines.filter((l) => /^\| [a-z]/.test(l) && !l.startsWith('| suite'));
    expect(table).toEqual([
      '| intake | search | 5.898 | 9.725 | raw | 0.0152 | 0.0175 | 387.98 | p95 < 15 ms | yes |',
      '| sync | first push | 1500.0 | 1500.0 | raw post | 1000.0 | 1000.0 | 1.50 | ≤ 2 × baseline | yes |',
      '| sync | nothing to do | 4.000 | 6.000 | empty post | 2.000 | 3.000 | 2.00 |  | yes |',
      '| stock | one movement | 0.650 | 1.251 | raw | 0.210 | 0.324 | 3.09 | p95 < 5 ms | yes |',
    ]);
    expect(out).toContain('## Start\n\nkept as written by hand\n');
    const notes = out.slice(out.indexOf('## Notes'));
    expect(notes).toContain('- search: kept');
    expect(notes).toContain('- sync rows: measured 2026-12-03 19:05 UTC by `npm run bench -- --only sync`');
    expect(notes).toContain('- nothing to do: no commit');
    expect(notes).not.toContain('an old note');
    // a second run replaces its stamp instead of adding one
    const again = mergeRows(out, run, ['sync'], new Date('2026-12-03T20:00:00Z'));
    expect(again.match(/sync rows: measured/g)).toHaveLength(1);
    expect(again).toContain('20:00 UTC');
  });
});
