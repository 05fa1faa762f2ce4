import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { newShopSchema, type NewShopCode } from '../../../shared/hq-console/contract';
import { useConsoleMutation } from '../data';
import { useSchemaForm } from '../form';
import { useI18n } from '../i18n';

export function NewShopModal({ opened, onClose, onCreated }: { opened: boolean; onClose(): void; onCreated(c: NewShopCode): void }) {
  const { t } = useI18n();
  const create = useConsoleMutation('shops.create', ['shops.list']);
  const { form, refused } = useSchemaForm({ code: '', name: '' }, newShopSchema);
  const submit = form.onSubmit((values) =>
    create.mutate(values, {
      onSuccess: (c) => (form.reset(), onCreated(c)),
      onError: (e) => void refused(e),
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('ui.hq.shops.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('ui.hq.shops.code')} description={t('ui.hq.shops.codeHint')} autoFocus {...form.getInputProps('code')} onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())} />
          <TextInput label={t('ui.hq.shops.name')} {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('ui.hq.shops.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
