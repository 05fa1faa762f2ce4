import fs from 'node:fs';
import path from 'node:path';

/**
 * Says why a group of tests skips, where CI shows it: once on the run's output and in
 * test-results/skip-reasons.jsonl, which scripts/ci-summary.mjs prints under its summary line.
 * A skipped test never passes for a green one silently.
 */
const said = new Set<string>();
export function noteSkip(what: string, reason: string): void {
  const key = `${what}\u0000${reason}`;
  if (said.has(key)) return;
  said.add(key);
  console.warn(`[${what}] SKIPPED: ${reason}`);
  try {
    const dir = path.resolve('test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'skip-reasons.jsonl'), JSON.stringify({ what, reason }) + '\n');
  } catch {
    /* the console line is enough where test-results cannot be written */
  }
}
