import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { scanBurstTimed } from './scanner';

const FILE = path.join(fileURLToPath(new URL('../..', import.meta.url)), 'docs/keystrokes.md');

/**
 * Every key a keyboard-only test sends, counted per step: each press is one key (a chord such as
 * Ctrl+Enter is one), each typed character one, a scanner's burst one (the person pulls a trigger).
 */
export class KeyCounter {
  readonly steps: { step: string; keys: number }[] = [];
  constructor(private readonly page: Page) {}

  step(name: string): void {
    this.steps.push({ step: name, keys: 0 });
  }
  get total(): number {
    return this.steps.reduce((a, s) => a + s.keys, 0);
  }
  private count(n: number) {
    const s = this.steps.at(-1);
    if (!s) throw new Error('KeyCounter: call step() before sending keys');
    s.keys += n;
  }
  async press(key: string, times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      this.count(1);
      await this.page.keyboard.press(key);
    }
  }
  async type(text: string): Promise<void> {
    this.count([...text].length);
    await this.page.keyboard.type(text, { delay: 40 });
  }
  /** A scan at a scanner's steady 5 ms a key, stamped on the events (a loaded machine cannot slow it into typing). */
  async scan(code: string): Promise<void> {
    this.count(1);
    await scanBurstTimed(this.page, code, [...code].map(() => 5));
  }
}

/**
 * Writes one `## heading` section of docs/keystrokes.md (up to the next `## ` or the end), leaving
 * the other sections as they are; the file is written only when the text changed, so a run that
 * measures the same leaves the tree clean. docs/benchmarks.md takes the whole file (bench/run.ts).
 */
export function recordKeystrokes(heading: string, body: string[]): void {
  const section = [`## ${heading}`, '', ...body, ''].join('\n');
  const old = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '';
  const parts = old.split(/^(?=## )/m).filter((p) => p.trim() !== '');
  const at = parts.findIndex((p) => p.startsWith(`## ${heading}\n`));
  const next = at >= 0 ? parts.map((p, i) => (i === at ? section : p)) : [...parts, section];
  const text = next.map((p) => (p.endsWith('\n\n') ? p : `${p.trimEnd()}\n\n`)).join('').replace(/\n+$/, '\n');
  if (text !== old) fs.writeFileSync(FILE, text);
}
