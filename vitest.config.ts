import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // json for .ci/run's "N passed, N failed" line (CI cannot read vitest's own summary)
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
