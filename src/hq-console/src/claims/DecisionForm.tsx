import { Button, Group, NumberInput, SegmentedControl, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { fieldIssues } from '../../../shared/api/field-issues';
import { claimDecideSchema, type HqClaimDetail } from '../../../shared/hq-console/claims';
import { useConsoleMutation } from '../data';
import { useI18n } from '../i18n';
import { toFen } from './format';

type Decision = 'approved' | 'rejected' | 'returned';
interface Values {
  decision: Decision;
  approved: number | string;
  reason: string;
  correctBy: string;
}

/** Approve (the approved amount, the claimed one by default), reject with a reason, or send back for correction with a reason and a date. */
export function DecisionForm({ claim }: { claim: HqClaimDetail }) {
  const { t } = useI18n();
  const decide = useConsoleMutation('claims.decide', ['claims.queue', 'claims.detail', 'claims.reconcile']);
  const input = (v: Values) => {
    const ref = { shopId: claim.shopId, claimId: claim.claimId };
    if (v.decision === 'approved') return { ...ref, decision: v.decision, approvedFen: toFen(v.approved) ?? undefined, reason: v.reason };
    if (v.decision === 'rejected') return { ...ref, decision: v.decision, reason: v.reason };
    return { ...ref, decision: v.decision, reason: v.reason, correctBy: v.correctBy };
  };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { decision: 'approved', approved: claim.claimedFen / 100, reason: '', correctBy: '' },
    validate: (v) => {
      const p = claimDecideSchema.safeParse(input(v));
      const errors: Record<string, string> = p.success ? {} : Object.fromEntries(fieldIssues(p.error).map((i) => [i.path === 'approvedFen' ? 'approved' : i.path, t(i.key, i.params)]));
      const fen = toFen(v.approved);
      if (v.decision === 'approved' && fen !== null && fen > claim.claimedFen) errors.approved = t('collection.validation.approvedOverClaimed');
      return errors;
    },
  });
  const submit = form.onSubmit((v) =>
    decide.mutate(input(v) as never, {
      onSuccess: () => notifications.show({ color: 'teal', message: t(`ui.hq.claims.done.${v.decision}`) }),
      onError: (e) => notifications.show({ color: 'red', message: e.message }),
    }),
  );
  const d = form.values.decision;
  return (
    <form onSubmit={submit} noValidate data-testid="decision-form">
      <Stack gap="sm">
        <Title order={4}>{t('ui.hq.claims.decide')}</Title>
        <SegmentedControl
          w="fit-content"
          data={(['approved', 'rejected', 'returned'] as const).map((x) => ({ value: x, label: t(`ui.hq.claims.decision.${x}`) }))}
          {...form.getInputProps('decision')}
          data-testid="decision"
        />
        {d === 'approved' ? <NumberInput label={t('ui.hq.claims.approvedAmount')} description={t('ui.hq.claims.approvedHint')} decimalScale={2} min={0} w={220} {...form.getInputProps('approved')} /> : null}
        <Textarea label={d === 'approved' ? t('ui.hq.claims.noteOptional') : t('ui.hq.claims.reason')} autosize minRows={2} {...form.getInputProps('reason')} data-testid="decision-reason" />
        {d === 'returned' ? <TextInput type="date" label={t('ui.hq.claims.correctByLabel')} w={220} {...form.getInputProps('correctBy')} data-testid="decision-date" /> : null}
        <Group>
          <Button type="submit" color={d === 'approved' ? 'teal' : d === 'rejected' ? 'red' : 'orange'} loading={decide.isPending} data-testid="decision-submit">
            {t(`ui.hq.claims.submit.${d}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
