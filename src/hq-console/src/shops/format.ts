import type { ShopState } from '../../../shared/hq-console/contract';
import type { TFunction } from '../i18n';

export const STATE_COLOR: Record<ShopState, string> = { ok: 'green', late: 'orange', failing: 'red', notEnrolled: 'gray', revoked: 'dark' };

/** A lag in the largest unit that fits: minutes under two hours, hours under two days, then days. */
export function formatLag(seconds: number | null, t: TFunction): string {
  if (seconds === null) return t('ui.hq.shops.never');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return t('ui.hq.shops.lag.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('ui.hq.shops.lag.hours', { n: hours });
  return t('ui.hq.shops.lag.days', { n: Math.floor(hours / 24) });
}
