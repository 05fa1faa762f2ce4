import { defineConfig } from '@playwright/test';

/**
 * Under `FIXPOINT_DATE_SHIFT` (scripts/shifted.mjs) the test runner and the shop host run on a
 * faked machine date; Chromium itself does not take libfaketime (it hangs at start), so the
 * browser gets the environment without it. Its pages' dates come from Playwright's clock, set
 * to the shop's test clock by tests/e2e/fixtures.ts, so no screen sees the machine's date anyway.
 */
const browserEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k, v]) => v !== undefined && k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')),
) as Record<string, string>;

/**
 * Browser tests against the shop HTTP host: each test file starts its own host on a fresh
 * temporary shop (tests/e2e/fixtures.ts), so files never see each other's data.
 */
export default defineConfig({
  // The suite, and the attacks of tests/security where a real browser is the attacker.
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'security/**/*.spec.ts'],
  globalSetup: './tests/e2e/global-setup.ts',
  // Two workers: each file has its own shop host, so files run side by side; on the 2-core CI machine
  // this takes the browser suite from about 9.6 to 6.6 minutes (measured at load 8).
  // FIXPOINT_E2E_WORKERS=1 runs them one at a time when a failure needs a quiet machine.
  workers: process.env.FIXPOINT_E2E_WORKERS ? Number(process.env.FIXPOINT_E2E_WORKERS) : 2,
  // One retry on CI: a loaded CI machine can miss a timing once; a real failure fails twice.
  retries: process.env.CI ? 1 : 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    // The shop's language comes from the system; a Chinese system must get the Chinese UI.
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      env: browserEnv,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // a fake camera, granted without a prompt: the intake's webcam snapshot is tested with it
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
  },
});
