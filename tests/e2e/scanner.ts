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
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
      // a dispatched key types nothing, so do what the browser does with a real one
      if (target.dispatchEvent(event) && key.length === 1 && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) document.execCommand('insertText', false, key);
    }
  }, code);
}

/**
 * A scanner burst with given key timing: each key's event carries the time stamp the gaps (ms)
 * give it — jitter and hiccups included — so the hook sees exactly that timing. Waiting for the
 * gaps with the page's timers made the burst as slow as the machine (on a loaded CI run a 5 ms
 * gap became 60 ms and the burst was rightly taken for typing); the hook reads only
 * `event.timeStamp`, so stamping the events tests the same code path without the machine's load.
 * The gaps are the time before each character after the first, then before Enter. A key not
 * stopped types its character into the focused field, as a real key would.
 */
export async function scanBurstTimed(page: Page, code: string, gaps: number[]): Promise<void> {
  await page.evaluate(
    ({ text, gaps }) => {
      const keys = [...text, 'Enter'];
      let at = performance.now();
      for (const [i, key] of keys.entries()) {
        if (i > 0) at += gaps[i - 1] ?? 5;
        const target = document.activeElement ?? document.body;
        const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
        const stamp = at;
        Object.defineProperty(event, 'timeStamp', { get: () => stamp });
        if (target.dispatchEvent(event) && key.length === 1 && (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) document.execCommand('insertText', false, key);
      }
    },
    { text: code, gaps },
  );
}
