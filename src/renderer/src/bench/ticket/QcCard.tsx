import { Button, Checkbox, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { procedures } from '../../../../shared/api/procedures';
import { judgeQc, type QcAnswer } from '../../../../shared/bench/rules';
import { useContractForm } from '../../forms/useContractForm';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../../i18n/format';
import { useBenchContext } from './BenchContext';
import { useSubmitQc } from './actions';
import type { CardProps } from './types';
import { onCtrlEnter } from './keys';

interface QcValues extends Record<string, unknown> {
  items: Record<string, QcAnswer>;
  data: 'preserved' | 'wiped';
  erasePasscode: boolean;
  failReason: string;
}

/**
 * Quality control before the device is ready: "all pass", then only the exceptions changed; what
 * became of the data, the passcode; and past checks. An item left unanswered is marked at the
 * item (the shared rule checks before sending; the server's refusal names the same items).
 */
export function QcCard({ wb }: CardProps) {
  const { t, locale } = useI18n();
  const { ticketId } = useBenchContext();
  const submitQc = useSubmitQc();
  const { form, send, refused } = useContractForm({
    initialValues: { items: {}, data: 'preserved', erasePasscode: false, failReason: '' } as QcValues,
    schema: procedures['bench.qc'].input,
    toInput: (v) => ({ ticketId, items: v.items, data: v.data, erasePasscode: v.erasePasscode, failReason: v.failReason }),
    typed: (v) => {
      const judged = judgeQc(wb.qcChecklist, v.items, v.failReason);
      if (judged.ok) return {};
      const paths = judged.missing.length ? judged.missing.map((k) => `items.${k}`) : ['failReason'];
      return Object.fromEntries(paths.map((p) => [p, t(judged.key)]));
    },
  });
  const v = form.getValues();
  const missing = wb.qcChecklist.filter((k) => form.errors[`items.${k}`]);
  const allPass = () => {
    form.setFieldValue('items', Object.fromEntries(wb.qcChecklist.map((k) => [k, 'pass'])));
    form.clearErrors();
  };
  const submit = () => send(async ({ ticketId: _open, ...input }) => void (await submitQc(input, refused)));
  return (
    <Paper withBorder p="sm" data-testid="qc-card" onKeyDown={onCtrlEnter(() => wb.status === 'qc' && void submit())}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('ui.bench.section.qc')}</Text>
        {wb.status === 'qc' ? (
          <Button size="xs" variant="light" color="teal" onClick={allPass} data-testid="qc-all-pass">
            {t('ui.bench.qc.allPass')}
          </Button>
        ) : null}
      </Group>
      {wb.status === 'qc' ? (
        <Stack gap={6}>
          {wb.qcChecklist.map((k) => {
            const error = form.errors[`items.${k}`];
            return (
              <div key={k}>
                <Group justify="space-between" data-testid={`qc-row-${k}`} data-missing={error ? 'true' : undefined} style={error ? { outline: '2px solid var(--mantine-color-red-6)', borderRadius: 4, paddingLeft: 4 } : undefined}>
                  <Text size="sm" c={error ? 'red' : undefined}>
                    {t(`ui.bench.qc.item.${k}`)}
                    {error ? (
                      <Text span size="xs" ml="xs" data-testid={`qc-error-${k}`}>
                        {t('ui.bench.qc.notAnswered')}
                      </Text>
                    ) : null}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    data-testid={`qc-${k}`}
                    value={v.items[k] ?? ''}
                    color={v.items[k] === 'fail' ? 'red' : undefined}
                    onChange={(x) => {
                      form.setFieldValue('items', { ...form.getValues().items, [k]: x as QcAnswer });
                      form.clearFieldError(`items.${k}`);
                    }}
                    data={[
                      { value: 'pass', label: t('ui.bench.qc.pass') },
                      { value: 'fail', label: t('ui.bench.qc.fail') },
                      { value: 'na', label: t('ui.bench.qc.na') },
                    ]}
                  />
                </Group>
              </div>
            );
          })}
          <Group>
            <Text size="sm">{t('ui.bench.qc.data')}</Text>
            <SegmentedControl
              size="xs"
              {...form.getInputProps('data')}
              data={[
                { value: 'preserved', label: t('ui.bench.qc.data.preserved') },
                { value: 'wiped', label: t('ui.bench.qc.data.wiped') },
              ]}
            />
          </Group>
          <Checkbox size="xs" label={t('ui.bench.qc.erasePasscode')} {...form.getInputProps('erasePasscode', { type: 'checkbox' })} />
          {Object.values(v.items).includes('fail') || form.errors.failReason ? (
            <TextInput size="xs" label={t('ui.bench.qc.failReason')} data-testid="qc-fail-reason" {...form.getInputProps('failReason')} />
          ) : null}
          {missing.length > 0 ? (
            <Text size="sm" c="red" data-testid="qc-missing">
              {form.errors[`items.${missing[0]}`]}
            </Text>
          ) : null}
          <Group>
            <Button size="xs" data-testid="qc-submit" onClick={() => void submit()}>
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
