import type { Messages } from './types';

/** A catalog written as [key, 中文, English] rows, one message per line in both languages. */
export function fromRows(rows: readonly (readonly [key: string, zh: string, en: string])[]): Messages {
  return {
    'zh-CN': Object.fromEntries(rows.map(([k, zh]) => [k, zh])),
    en: Object.fromEntries(rows.map(([k, , en]) => [k, en])),
  };
}
