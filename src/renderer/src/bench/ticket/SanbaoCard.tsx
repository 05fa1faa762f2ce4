import { useState } from 'react';
import { Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useCall } from '../../data/calls';
import { useI18n } from '../../i18n/I18nProvider';
import { useBenchContext } from './BenchContext';
import { useDecideSanbao } from './actions';
import { refundText } from './refund';
import { SanbaoDone } from './SanbaoDone';
import { yuan, type CardProps } from './types';

type Exchange = '' | 'unavailable' | 'refused';

/** 三包: what the law offers this ticket (repair, exchange, return) at the price paid, and the decision; once taken, what it was. */
export function SanbaoCard({ wb }: CardProps) {
  const { t, locale } = useI18n();
  const { ticketId } = useBenchContext();
  const decide = useDecideSanbao();
  const [price, setPrice] = useState<number | string>('');
  const [imei, setImei] = useState('');
  // What became of an exchange that is due (phone 第十九条, household 第十三条): the engine then opens a return.
  const [exchange, setExchange] = useState<Exchange>('');
  /** The facts the options were last asked for (none until the button is pressed, again after the exchange fact changes). */
  const [asked, setAsked] = useState<{ price: number | string; exchange: Exchange } | null>(null);
  const opts = useCall(
    'bench.sanbao.options',
    { ticketId, ...(asked && asked.price !== '' ? { purchasePriceFen: yuan(asked.price) } : {}), ...(asked?.exchange ? { exchange: asked.exchange } : {}) },
    { enabled: asked !== null },
  ).data;
  if (wb.sanbao) return <SanbaoDone s={wb.sanbao} />;
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('ui.bench.section.sanbao')}
      </Text>
      <Group align="flex-end" gap="xs">
        <NumberInput size="xs" w={140} label={t('ui.bench.sanbao.price')} min={0} decimalScale={2} value={price} onChange={setPrice} />
        <Select
          size="xs"
          w={200}
          label={t('ui.bench.sanbao.exchangeFact')}
          data-testid="sanbao-exchange-fact"
          data={(['', 'unavailable', 'refused'] as const).map((v) => ({ value: v, label: t(`ui.bench.sanbao.exchangeFact.${v || 'none'}`) }))}
          value={exchange}
          onChange={(v) => {
            setExchange((v ?? '') as Exchange);
            setAsked(null);
          }}
          allowDeselect={false}
        />
        <Button size="xs" variant="light" onClick={() => setAsked({ price, exchange })}>
          {t('ui.bench.sanbao.check')}
        </Button>
      </Group>
      {opts && asked ? (
        <Stack gap={4} mt="xs">
          {opts.options.map((o) => (
            <Group key={`${o.option}:${o.part ?? ''}`} justify="space-between">
              <div>
                <Text size="sm" fw={600}>
                  {o.part ? t('ui.bench.sanbao.accessoryReturn', { part: o.partName ?? o.part }) : t(`ui.bench.sanbao.${o.option}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {o.reasons.join(' ')}
                </Text>
                {o.refundFen !== null ? (
                  <Text size="xs" data-testid={`sanbao-refund-${o.option}`}>
                    {refundText(t, locale, o.refundFen, o.depreciationFen ?? 0, o.daysUsed ?? 0)}
                  </Text>
                ) : null}
              </div>
              {(o.option === 'exchange' || o.option === 'return') && !o.part ? (
                <Group gap="xs" align="flex-end">
                  {o.option === 'exchange' ? <TextInput size="xs" w={160} placeholder={t('ui.bench.sanbao.newImei')} value={imei} onChange={(e) => setImei(e.currentTarget.value)} data-scan="text" /> : null}
                  <Button
                    size="xs"
                    color="grape"
                    disabled={price === ''}
                    onClick={() =>
                      void decide({ option: o.option as 'exchange', purchasePriceFen: yuan(price), ...(o.option === 'exchange' ? { newImei: imei } : {}), ...(exchange ? { exchange } : {}) })
                    }
                  >
                    {t('ui.bench.sanbao.decide')}
                  </Button>
                </Group>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}

