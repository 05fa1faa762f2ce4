/**
 * Prints the one line CI reads: "N passed, N failed", summed over vitest and Playwright
 * from their JSON reports. A stage that failed without a report (e.g. the typecheck, or
 * a crash) counts as one failure, so a red run can never print "0 failed".
 */
import fs from 'node:fs';

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null);
let passed = 0;
let failed = 0;

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  // a file that failed to load has no test results of its own: count it once
  for (const r of vitest.testResults ?? []) if (r.status === 'failed' && (r.assertionResults ?? []).length === 0) failed++;
}

const pw = read('test-results/e2e.json');
if (pw) {
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const status = t.status ?? t.results?.at(-1)?.status;
        if (status === 'skipped') continue;
        if (status === 'expected' || status === 'flaky') passed++;
        else failed++;
      }
    }
    for (const s of suite.suites ?? []) walk(s);
  };
  for (const s of pw.suites ?? []) walk(s);
  failed += (pw.errors ?? []).length;
}

const stageFailures = Number(process.argv[2] ?? 0);
if (stageFailures > 0 && failed === 0) failed = stageFailures;
if (!vitest) failed++;
if (!pw) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
