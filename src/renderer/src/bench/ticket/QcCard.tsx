import { useState } from 'react';
import { Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../../i18n/format';
import { useSubmitQc } from './actions';
import type { CardProps } from './types';

/** Quality control before the device is ready: the checklist, what became of the data, the passcode; and past checks. */
export function QcCard({ wb }: CardProps) {
  const { t, locale } = useI18n();
  const submitQc = useSubmitQc();
  const [items, setItems] = useState<Record<string, 'pass' | 'fail' | 'na'>>({});
  const [data, setData] = useState<'preserved' | 'wiped'>('preserved');
  const [erase, setErase] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Paper withBorder p="sm" data-testid="qc-card">
      <Text fw={600} mb="xs">
        {t('ui.bench.section.qc')}
      </Text>
      {wb.status === 'qc' ? (
        <Stack gap={6}>
          {wb.qcChecklist.map((k) => (
            <Group key={k} justify="space-between">
              <Text size="sm">{t(`ui.bench.qc.item.${k}`)}</Text>
              <SegmentedControl
                size="xs"
                data-testid={`qc-${k}`}
                value={items[k] ?? ''}
                onChange={(v) => setItems({ ...items, [k]: v as 'pass' })}
                data={[
                  { value: 'pass', label: t('ui.bench.qc.pass') },
                  { value: 'fail', label: t('ui.bench.qc.fail') },
                  { value: 'na', label: t('ui.bench.qc.na') },
                ]}
              />
            </Group>
          ))}
          <Group>
            <Text size="sm">{t('ui.bench.qc.data')}</Text>
            <SegmentedControl
              size="xs"
              value={data}
              onChange={(v) => setData(v as 'preserved')}
              data={[
                { value: 'preserved', label: t('ui.bench.qc.data.preserved') },
                { value: 'wiped', label: t('ui.bench.qc.data.wiped') },
              ]}
            />
          </Group>
          <Checkbox size="xs" label={t('ui.bench.qc.erasePasscode')} checked={erase} onChange={(e) => setErase(e.currentTarget.checked)} />
          {Object.values(items).includes('fail') ? <TextInput size="xs" label={t('ui.bench.qc.failReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} /> : null}
          <Group>
            <Button size="xs" data-testid="qc-submit" onClick={() => void submitQc({ items, data, erasePasscode: erase, failReason: reason })}>
              {t('ui.bench.qc.submit')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {wb.qc.length > 0 ? (
        <Stack gap={2} mt="xs">
          <Text size="xs" c="dimmed">
            {t('ui.bench.qc.history')}
          </Text>
          {wb.qc.map((r) => (
            <Text key={r.id} size="xs">
              {formatInstant(r.at, locale)} · {r.checkedByName} · {r.passed ? t('ui.bench.qc.pass') : `${t('ui.bench.qc.fail')}: ${r.failReason}`}
            </Text>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}

/** The engine's refund as the card shows it: the invoice price inside the return window, else less depreciation. */
