import { useState } from 'react';
import { Button, Checkbox, FileInput, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { money } from '../../stock/format';
import { SignaturePad } from '../SignaturePad';
import { useAuthorize, useDecline } from './actions';
import { AuthorizationSummary } from './AuthorizationSummary';
import { base64Of, yuan, type CardProps } from './types';
import { onCtrlEnter } from './keys';

/** The customer's answer to the latest quote: authorized (signature, phone call, signed paper) with an optional cap, or declined. */
export function AuthorizationCard({ wb }: CardProps) {
  const { t, locale } = useI18n();
  const authorize = useAuthorize();
  const decline = useDecline();
  const q = wb.quote;
  const c = q.current!;
  const [method, setMethod] = useState<'signature' | 'phone' | 'paper'>('signature');
  const [png, setPng] = useState<string | null>(null);
  const [signer, setSigner] = useState('');
  const [cap, setCap] = useState<number | string>('');
  // The number called is the customer's, as the ticket has it (changed when another was rung).
  const [phone, setPhone] = useState({ number: wb.received.customer.phones[0] ?? '', words: '' });
  const [scan, setScan] = useState<File | null>(null);
  const [waive, setWaive] = useState(false);
  const needed = !q.authorizationCovers && !q.fullyCovered;
  const record = async () => {
    let scanData: { mime: 'image/png'; dataBase64: string } | undefined;
    if (method === 'paper' && scan) scanData = { mime: scan.type as 'image/png', dataBase64: await base64Of(scan) };
    await authorize({
      quoteId: c.id,
      method,
      signerName: signer,
      capFen: cap === '' ? null : yuan(cap),
      ...(method === 'signature' && png ? { signaturePng: png } : {}),
      ...(method === 'phone' ? { phone } : {}),
      ...(scanData ? { scan: scanData } : {}),
    });
  };
  return (
    <Paper withBorder p="sm" data-testid="auth-card" onKeyDown={onCtrlEnter(() => needed && !(method === 'signature' && !png) && void record())}>
      <Group justify="space-between">
        <Text fw={600}>{t('ui.bench.section.authorization')}</Text>
        <Text fw={700}>{t('ui.bench.quote.total', { total: money(c.totals.customerTotalFen, locale) })}</Text>
      </Group>
      {q.authorization && !needed ? <AuthorizationSummary wb={wb} /> : null}
      {needed ? (
        <Stack gap="xs" mt="xs">
          <SegmentedControl
            value={method}
            onChange={(v) => setMethod(v as typeof method)}
            data={(['signature', 'phone', 'paper'] as const).map((m) => ({ value: m, label: t(`ui.bench.auth.method.${m}`) }))}
            size="xs"
          />
          {method === 'signature' ? <SignaturePad onChange={setPng} /> : null}
          {method === 'phone' ? (
            <Group grow>
              <TextInput size="xs" label={t('ui.bench.auth.phoneNumber')} data-testid="auth-phone-number" value={phone.number} onChange={(e) => setPhone({ ...phone, number: e.currentTarget.value })} />
              <TextInput size="xs" label={t('ui.bench.auth.words')} value={phone.words} onChange={(e) => setPhone({ ...phone, words: e.currentTarget.value })} />
            </Group>
          ) : null}
          {method === 'paper' ? <FileInput size="xs" label={t('ui.bench.auth.scan')} accept="image/png,image/jpeg,image/webp" value={scan} onChange={setScan} /> : null}
          <Group grow>
            <TextInput size="xs" label={t('ui.bench.auth.signer')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} data-testid="auth-signer" />
            <NumberInput size="xs" label={t('ui.bench.auth.cap')} min={0} decimalScale={2} value={cap} onChange={setCap} />
          </Group>
          <Group>
            <Button size="xs" onClick={() => void record()} disabled={method === 'signature' && !png} data-testid="auth-record">
              {t('ui.bench.auth.record')}
            </Button>
          </Group>
          {wb.status === 'awaiting_approval' ? (
            <Group mt="xs">
              <Checkbox size="xs" label={t('ui.bench.auth.waive')} checked={waive} onChange={(e) => setWaive(e.currentTarget.checked)} />
              <Button size="xs" color="red" variant="light" onClick={() => void decline({ quoteId: c.id, method, signerName: signer, waiveFee: waive })}>
                {t('ui.bench.auth.decline')} · {t('ui.bench.auth.fee', { fee: money(waive ? 0 : q.diagnosisFeeFen, locale) })}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

