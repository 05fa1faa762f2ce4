import { Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { TENDERS, type Tender } from '../../../../shared/collection/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import type { Handback } from './useHandback';

/** How the customer pays: one row per tender (cash with what was handed over, else a reference), or how a credit goes back. */
export function TendersStep({ h }: { h: Handback }) {
  const { t } = useI18n();
  const { s, refundTender, setRefundTender, tenders, setTender, setTenders, amountRef, errors, check, fmt, allowBalance, setAllowBalance, balanceReason, setBalanceReason } = h;
  const tenderOptions = TENDERS.map((x) => ({ value: x, label: t(`collection.tender.${x}`) }));
  return (
    s && s.dueNowFen < 0 ? (
      <Select label={t('ui.collection.refundTender')} data={tenderOptions} value={refundTender} onChange={(v) => v && setRefundTender(v as Tender)} w={200} />
    ) : (
      <Stack gap={6} mt="xs">
        <Text fw={600} size="sm">
          {t('ui.collection.tenders')}
        </Text>
        {tenders.map((r, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap" data-testid={`collection-tender-${i}`}>
            <Select data={tenderOptions} value={r.tender} onChange={(v) => v && setTender(i, { tender: v as Tender, ...(v !== 'cash' ? { received: '' } : {}) })} w={130} aria-label={t('ui.collection.tender')} allowDeselect={false} />
            <NumberInput
              ref={i === 0 ? amountRef : undefined}
              placeholder={t('ui.collection.tenderAmount')}
              aria-label={t('ui.collection.tenderAmount')}
              value={r.amount}
              onChange={(v) => setTender(i, { amount: v === '' ? '' : Number(v) })}
              min={0}
              decimalScale={2}
              w={130}
              error={errors[`tenders.${i}.amountFen`]}
            />
            {r.tender === 'cash' ? (
              <NumberInput
                placeholder={t('ui.collection.received')}
                aria-label={t('ui.collection.received')}
                value={r.received}
                onChange={(v) => setTender(i, { received: v === '' ? '' : Number(v) })}
                min={0}
                decimalScale={2}
                w={150}
                error={errors[`tenders.${i}.receivedFen`]}
                data-testid={`collection-received-${i}`}
              />
            ) : (
              <TextInput
                placeholder={t('ui.collection.reference')}
                aria-label={t('ui.collection.reference')}
                value={r.reference}
                onChange={(e) => setTender(i, { reference: e.currentTarget.value })}
                w={150}
                error={errors[`tenders.${i}.reference`] ?? errors[`tenders.${i}.receivedFen`]}
                data-testid={`collection-reference-${i}`}
              />
            )}
            <Button variant="subtle" color="red" size="compact-sm" mt={6} onClick={() => setTenders((ts) => ts.filter((_, j) => j !== i))}>
              {t('ui.collection.remove')}
            </Button>
          </Group>
        ))}
        <Group gap="xs">
          <Button
            variant="light"
            size="compact-sm"
            data-testid="collection-add-tender"
            onClick={() => setTenders((ts) => [...ts, { tender: ts.some((x) => x.tender === 'cash') ? 'wechat' : 'cash', amount: check && s ? Math.max(0, s.dueNowFen - check.totalFen) / 100 : '', received: '', reference: '' }])}
          >
            {t('ui.collection.addTender')}
          </Button>
          {check ? (
            <Text size="sm" c={check.issues.some((x) => x.path === 'tenders') ? 'red' : 'dimmed'}>
              {t('ui.collection.tendered', { amount: fmt(check.totalFen) })}
              {check.changeFen > 0 ? ` · ${t('ui.collection.change')} ${fmt(check.changeFen)}` : ''}
            </Text>
          ) : null}
        </Group>
        {errors.tenders ? (
          <Text c="red" size="sm" data-testid="collection-tenders-error">
            {errors.tenders}
          </Text>
        ) : null}
        <Checkbox label={t('ui.collection.allowBalance')} checked={allowBalance} onChange={(e) => setAllowBalance(e.currentTarget.checked)} />
        {allowBalance ? <TextInput label={t('ui.collection.balanceReason')} value={balanceReason} onChange={(e) => setBalanceReason(e.currentTarget.value)} error={errors['balance.reason']} /> : null}
      </Stack>
    )
  );
}
