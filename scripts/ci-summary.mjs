/**
 * Prints the one line CI reads: "N passed, N failed", summed over vitest and Playwright
 * from their JSON reports, followed by what else is true of the run: tests that passed only
 * on a retry (flaky, never hidden in "passed"), tests skipped and why (the reasons the suites
 * wrote to test-results/skip-reasons.jsonl). A stage that failed without a report (e.g. the
 * typecheck, or a crash) counts as one failure, so a red run can never print "0 failed".
 */
import fs from 'node:fs';

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);
let passed = 0;
let failed = 0;
let flaky = 0;
let skipped = 0;
const flakyNames = [];

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // a file that failed to load has no test results of its own: count it once
  for (const r of vitest.testResults ?? []) if (r.status === 'failed' && (r.assertionResults ?? []).length === 0) failed++;
}

const pw = read('test-results/e2e.json');
if (pw) {
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const status = t.status ?? t.results?.at(-1)?.status;
        if (status === 'skipped') skipped++;
        else if (status === 'expected') passed++;
        else if (status === 'flaky') {
          // passed on its retry only: counted apart, named, so it gets looked at
          flaky++;
          flakyNames.push(`${spec.file ?? file}: ${spec.title}`);
        } else failed++;
      }
    }
    for (const s of suite.suites ?? []) walk(s, suite.file ?? file);
  };
  for (const s of pw.suites ?? []) walk(s, s.file);
  failed += (pw.errors ?? []).length;
}

const reasons = new Set();
if (fs.existsSync('test-results/skip-reasons.jsonl')) {
  for (const line of fs.readFileSync('test-results/skip-reasons.jsonl', 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const { what, reason } = JSON.parse(line);
      reasons.add(`${what}: ${reason}`);
    } catch {
      /* a torn line from a killed worker */
    }
  }
}

const stageFailures = Number(process.argv[2] ?? 0);
if (stageFailures > 0 && failed === 0) failed = stageFailures;
if (!vitest) failed++;
if (!pw) failed++;
for (const n of flakyNames) console.log(`flaky (passed on retry): ${n}`);
for (const r of reasons) console.log(`skipped suite — ${r}`);
console.log(`${skipped} skipped, ${flaky} flaky`);
console.log(`${passed} passed, ${failed} failed${flaky ? `, ${flaky} flaky` : ''}`);
process.exit(failed > 0 ? 1 : 0);
