import { Paper, Text } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { money } from '../../stock/format';
import { refundText } from './refund';
import type { Workbench } from './types';

/** The 三包 decision taken: the exchange (new IMEI, date) or the return with its refund, and whether the refund was paid. */
export function SanbaoDone({ s }: { s: NonNullable<Workbench['sanbao']> }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>{t('ui.bench.section.sanbao')}</Text>
      <Text size="sm">
        {t('ui.bench.sanbao.done', { option: t(`ui.bench.sanbao.${s.option}`) })}
        {s.option === 'return'
          ? ` · ${refundText(t, locale, s.refundFen, s.depreciationFen, s.daysUsed)}`
          : ` · ${s.newImei ?? s.newSerial ?? ''} · ${s.exchangeDate ?? ''}`}
      </Text>
      {s.option === 'return' && s.refundFen > 0 ? (
        s.refundPaid ? (
          <Text size="sm" fw={600} c="teal.8" data-testid="sanbao-refund-paid">
            {t('ui.bench.sanbao.refundPaid', {
              amount: money(s.refundPaid.amountFen, locale),
              date: s.refundPaid.businessDate,
              tender: t(`collection.tender.${s.refundPaid.tender}`),
            })}
            {s.refundPaid.reference ? ` · ${s.refundPaid.reference}` : ''}
          </Text>
        ) : (
          <Text size="sm" c="orange.8" data-testid="sanbao-refund-due">
            {t('ui.bench.sanbao.refundDue', { amount: money(s.refundFen, locale) })}
          </Text>
        )
      ) : null}
    </Paper>
  );
}
