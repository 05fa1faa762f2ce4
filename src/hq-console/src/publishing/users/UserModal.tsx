import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { ROLES } from '../../../../shared/api/roles';
import { provisionedUserInputSchema, type ProvisionedUser, type ProvisionedUserInput } from '../../../../shared/hq-console/publishing-users';
import { useConsoleMutation } from '../../data';
import { useI18n } from '../../i18n';
import { draftErrors, publishedToast, useErrors } from '../draft';

/** A shop user head office provisions: name, role, status; a password only when one is typed (hashed at head office). */
export function UserModal({ shopId, editing, onClose }: { shopId: string; editing: ProvisionedUser | null; onClose(): void }) {
  const { t } = useI18n();
  const publish = useConsoleMutation('publishing.users.publish', ['publishing.users.list']);
  const [u, setU] = useState<ProvisionedUserInput>(() =>
    editing ? { id: editing.id, username: editing.username, displayName: editing.displayName, role: editing.role, disabled: editing.disabled } : { username: '', displayName: '', role: 'technician', disabled: false },
  );
  const [password, setPassword] = useState('');
  const { errors, setErrors, refused } = useErrors('user');
  const send = () => {
    const user = { ...u, ...(password ? { password } : {}) };
    const found = draftErrors(provisionedUserInputSchema, user, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    publish.mutate({ shopId, user }, { onSuccess: () => (publishedToast(t), onClose()), onError: refused });
  };
  return (
    <Modal opened onClose={onClose} title={editing ? t('ui.hq.pub.users.edit', { name: editing.username }) : t('ui.hq.pub.users.new')} size="lg">
      <Stack gap="sm" data-testid="pub-user-form">
        <SimpleGrid cols={2}>
          <TextInput label={t('ui.hq.pub.users.username')} value={u.username} error={errors.username} data-testid="pub-user-username" onChange={(e) => setU({ ...u, username: e.currentTarget.value })} />
          <TextInput label={t('ui.hq.pub.users.displayName')} value={u.displayName} error={errors.displayName} data-testid="pub-user-display" onChange={(e) => setU({ ...u, displayName: e.currentTarget.value })} />
          <Select label={t('ui.hq.pub.users.role')} data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} allowDeselect={false} value={u.role} data-testid="pub-user-role" onChange={(v) => v && setU({ ...u, role: v as ProvisionedUserInput['role'] })} />
          <PasswordInput
            label={t('ui.hq.pub.users.password')}
            description={editing?.hasPassword ? t('ui.hq.pub.users.passwordKeep') : t('ui.hq.pub.users.passwordHint')}
            value={password}
            error={errors.password}
            autoComplete="new-password"
            data-testid="pub-user-password"
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
        </SimpleGrid>
        {/* The shop's own users do not sync, so head office cannot see a clash: say what the shop will do. */}
        {!editing ? (
          <Alert color="yellow" p="xs" data-testid="pub-user-clash-note">
            {t('ui.hq.pub.users.clashNote')}
          </Alert>
        ) : null}
        <Checkbox label={t('ui.hq.pub.users.disabled')} checked={u.disabled ?? false} onChange={(e) => setU({ ...u, disabled: e.currentTarget.checked })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.common.cancel')}
          </Button>
          <Button onClick={send} loading={publish.isPending} data-testid="pub-user-publish">
            {t('ui.hq.pub.publishShop')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
