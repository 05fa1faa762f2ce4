import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { fieldIssues } from '../../../shared/api/field-issues';
import { recallSaveSchema } from '../../../shared/hq-console/recalls';
import { RECALL_ACTIONS, type Recall } from '../../../shared/recalls/schemas';
import { ConsoleError } from '../api';
import { useConsoleMutation } from '../data';
import { useI18n } from '../i18n';
import { emptyValues, fieldOf, toInput, valuesOf, type RecallValues } from './values';

/** Defines a campaign, or changes one (a new version every shop pulls): what it covers, what to do, from when to when. */
export function RecallForm({ editing, today, onClose }: { editing: Recall | null; today: string; onClose(): void }) {
  const { t } = useI18n();
  const save = useConsoleMutation('recalls.save', ['recalls.list', 'recalls.completion']);
  const form = useForm<RecallValues>({
    mode: 'controlled',
    initialValues: editing ? valuesOf(editing) : emptyValues(today),
    validate: (v) => {
      const { imeiCount, ...input } = toInput(v, editing?.id ?? null);
      const p = recallSaveSchema.safeParse(input);
      if (p.success) return {};
      const out: Record<string, string> = {};
      for (const i of fieldIssues(p.error)) out[fieldOf(i.path, imeiCount)] ??= t(i.key, i.params);
      return out;
    },
  });
  const submit = form.onSubmit((v) => {
    const { imeiCount, ...input } = toInput(v, editing?.id ?? null);
    save.mutate(input as never, {
      onSuccess: (r) => (notifications.show({ color: 'teal', message: t('ui.hq.recalls.saved', { code: r.recall.code }) }), onClose()),
      onError: (e) => {
        // VALIDATION names fields with catalog keys; CONFLICT names one field, its sentence is the message.
        const keys = e instanceof ConsoleError ? (e.details.fields as Record<string, string> | undefined) : undefined;
        const one = e instanceof ConsoleError && typeof e.details.field === 'string' ? e.details.field : null;
        if (keys) form.setErrors(Object.fromEntries(Object.entries(keys).map(([k, key]) => [fieldOf(k, imeiCount), t(key)])));
        else if (one) form.setErrors({ [fieldOf(one, imeiCount)]: e.message });
        else notifications.show({ color: 'red', message: e.message });
      },
    });
  });
  const field = (name: keyof RecallValues & string) => ({ ...form.getInputProps(name), 'data-testid': `recall-${name}` });
  return (
    <Modal opened onClose={onClose} size="xl" title={editing ? t('ui.hq.recalls.edit', { code: editing.code }) : t('ui.hq.recalls.new')}>
      <form onSubmit={submit} noValidate data-testid="recall-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('ui.hq.recalls.code')} description={t('ui.hq.recalls.codeHint')} {...field('code')} onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())} />
            <Select label={t('ui.hq.recalls.action')} data={RECALL_ACTIONS.map((a) => ({ value: a, label: t(`recalls.action.${a}`) }))} allowDeselect={false} {...field('action')} />
            <TextInput label={t('ui.hq.recalls.brand')} description={t('ui.hq.recalls.brandHint')} {...field('brand')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('ui.hq.recalls.titleZh')} {...field('titleZh')} />
            <TextInput label={t('ui.hq.recalls.titleEn')} {...field('titleEn')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Textarea label={t('ui.hq.recalls.models')} description={t('ui.hq.recalls.modelsHint')} autosize minRows={3} {...field('models')} />
            <Textarea label={t('ui.hq.recalls.imeiRanges')} description={t('ui.hq.recalls.rangesHint')} autosize minRows={3} styles={{ input: { fontFamily: "monospace" } }} {...field('imeiRanges')} />
            <Textarea label={t('ui.hq.recalls.serialRanges')} description={t('ui.hq.recalls.rangesHint')} autosize minRows={3} styles={{ input: { fontFamily: "monospace" } }} {...field('serialRanges')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('ui.hq.recalls.instructionsZh')} autosize minRows={3} {...field('instructionsZh')} />
            <Textarea label={t('ui.hq.recalls.instructionsEn')} autosize minRows={3} {...field('instructionsEn')} />
          </SimpleGrid>
          <Group>
            <TextInput type="date" label={t('ui.hq.recalls.startDate')} w={200} {...field('startDate')} />
            <TextInput type="date" label={t('ui.hq.recalls.endDate')} w={200} {...field('endDate')} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="recall-save">
              {editing ? t('ui.hq.recalls.publishChange') : t('ui.hq.recalls.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
