import type { Period, Reason, ReasonCode } from './schemas';

export function reason(code: ReasonCode, params: Reason['params'] = {}): Reason {
  return { code, params };
}

/** Compact, locale-neutral period code for reason params ('6m', '1y', '30d'); format.ts renders it. */
export function periodCode(p: Period): string {
  return `${p.n}${p.unit === 'year' ? 'y' : p.unit === 'month' ? 'm' : 'd'}`;
}
