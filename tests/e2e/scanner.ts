import type { Page } from '@playwright/test';

/**
 * A USB scanner's burst: every key a few ms apart, then Enter. Playwright's typing on a
 * loaded CI machine can leave more than the hook's 30 ms between keys (and then it is
 * rightly taken for a person typing), so the burst is dispatched inside the page, at
 * scanner speed, to whatever has focus.
 */
export async function scanBurst(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    for (const key of [...text, 'Enter']) {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
    }
  }, code);
}

/**
 * A scanner burst with real timing: each key dispatched after its own gap (ms), measured by the
 * page's own timers, so the hook sees real event times — jitter and hiccups included. The gaps
 * are the time before each character after the first, then before Enter.
 */
export async function scanBurstTimed(page: Page, code: string, gaps: number[]): Promise<void> {
  await page.evaluate(
    async ({ text, gaps }) => {
      const keys = [...text, 'Enter'];
      for (const [i, key] of keys.entries()) {
        if (i > 0) await new Promise((r) => setTimeout(r, gaps[i - 1] ?? 5));
        const target = document.activeElement ?? document.body;
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true }));
      }
    },
    { text: code, gaps },
  );
}
