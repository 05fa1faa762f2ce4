import { Paper, Text } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../../i18n/format';
import { money } from '../../stock/format';
import type { CardProps } from './types';

/** How the customer answered the quote (method, total, who recorded it), or that they declined and the fee. */
export function AuthorizationSummary({ wb }: CardProps) {
  const { t, locale } = useI18n();
  const a = wb.quote.authorization;
  if (!a) return null;
  return (
    <Paper withBorder p="sm" data-testid="auth-summary">
      <Text fw={600}>{t('ui.bench.section.authorization')}</Text>
      <Text size="sm">
        {a.decision === 'declined'
          ? `${t('ui.bench.action.declined')} · ${t('ui.bench.auth.fee', { fee: money(a.feeFen, locale) })}`
          : t('ui.bench.auth.done', { method: t(`bench.method.${a.method}`), total: money(a.totalFen, locale), by: a.method === 'remote' ? t('bench.doc.byHq') : (a.recordedByName ?? ''), at: formatInstant(a.recordedAt, locale) })}
      </Text>
      {a.capFen !== null ? <Text size="sm">{t('ui.bench.auth.doneCap', { cap: money(a.capFen, locale) })}</Text> : null}
    </Paper>
  );
}

