import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import type { User } from '../../../shared/auth/schemas';
import type { Role } from '../../../shared/api/roles';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { roleOptions } from '../components/options';
import { useT } from '../i18n/I18nProvider';
import { useFormSubmit } from '../hooks/useFormSubmit';

/** Create a user (editing === null) or change one's name and role. */
export function UserFormModal({ opened, editing, onClose, onSaved }: { opened: boolean; editing: User | null; onClose(): void; onSaved(): void }) {
  const t = useT();
  const { user: me } = useSession();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('counter');
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const { errors, setErrors, busy, submit } = useFormSubmit();

  useEffect(() => {
    if (!opened) return;
    setUsername(editing?.username ?? '');
    setDisplayName(editing?.displayName ?? '');
    setRole(editing?.role ?? 'counter');
    setPassword('');
    setPin('');
    setErrors({});
  }, [opened, editing, setErrors]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submit(async () => {
      if (editing) {
        await api.call('users.update', { id: editing.id, displayName, role });
      } else {
        await api.call('users.create', { username, displayName, role, password, ...(pin ? { pin } : {}) });
      }
      showSuccessToast(t('ui.settings.saved'));
      onSaved();
      onClose();
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('ui.users.editTitle', { name: editing.displayName }) : t('ui.users.createTitle')}>
      <form onSubmit={save} noValidate>
        <Stack>
          <TextInput
            label={t('ui.user.username')}
            value={username}
            readOnly={!!editing}
            data-autofocus={!editing || undefined}
            error={errors.username}
            onChange={(e) => setUsername(e.currentTarget.value)}
          />
          <TextInput
            label={t('ui.user.displayName')}
            value={displayName}
            data-autofocus={editing ? true : undefined}
            error={errors.displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
          />
          <Select
            label={t('ui.user.role')}
            data={roleOptions(t, me.role === 'admin')}
            allowDeselect={false}
            value={role}
            error={errors.role}
            onChange={(v) => v && setRole(v as Role)}
          />
          {!editing ? (
            <>
              <PasswordInput label={t('ui.user.password')} description={t('ui.user.passwordHint')} value={password} error={errors.password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <TextInput label={t('ui.user.pin')} description={t('ui.user.pinHintOptional')} inputMode="numeric" maxLength={8} value={pin} error={errors.pin} onChange={(e) => setPin(e.currentTarget.value)} />
            </>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {editing ? t('ui.common.save') : t('ui.users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
