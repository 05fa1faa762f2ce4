import { STAGES } from './math';
import { emptyAggregates, type ReportAggregates, type Tally } from './compute';

/** Aggregates of disjoint sets of tickets added up (head office: every shop's, once each, into the network's). */
export function mergeAggregates(list: readonly ReportAggregates[]): ReportAggregates {
  const out = emptyAggregates();
  const tally = (m: Map<string, Tally>, k: string, t: Tally) => {
    const cur = m.get(k);
    if (!cur) return m.set(k, { ...t, e2e: [...t.e2e], repair: [...t.repair] });
    cur.received += t.received;
    cur.completed += t.completed;
    cur.collected += t.collected;
    cur.ftfOk += t.ftfOk;
    cur.ftfN += t.ftfN;
    cur.e2e.push(...t.e2e);
    cur.repair.push(...t.repair);
    return m;
  };
  for (const a of list) {
    for (const k of Object.keys(out.volume) as (keyof ReportAggregates['volume'])[]) out.volume[k] += a.volume[k];
    out.e2e.push(...a.e2e);
    out.toReady.push(...a.toReady);
    for (const st of STAGES) out.stages[st].push(...a.stages[st]);
    for (const k of ['ftfOk', 'ftfN', 'windowOpen', 'repeats', 'firstReady', 'legal', 'promise', 'claimedWarranty', 'claimedPaid'] as const) out[k] += a[k];
    for (const [k, t] of a.groups) tally(out.groups, k, t);
    for (const [k, t] of a.techs) tally(out.techs, k, t);
  }
  return out;
}
