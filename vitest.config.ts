import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    // component tests pick happy-dom per file (`// @vitest-environment happy-dom`); the rest run in node
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // every backend a test opens (and the shop processes it spawns) parses each answer with
    // its procedure's output schema: a handler that drifts from the contract fails its test
    env: { FIXPOINT_CHECK_OUTPUTS: '1' },
    // json for .ci/run's "N passed, N failed" line (CI cannot read vitest's own summary)
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
