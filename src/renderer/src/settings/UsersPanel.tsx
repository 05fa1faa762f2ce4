import { useState } from 'react';
import { Alert, Badge, Button, Group, Menu, Table, Text } from '@mantine/core';
import type { User } from '../../../shared/auth/schemas';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useCall, useInvalidateAfter } from '../data/calls';
import { showSuccessToast } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { UserFormModal } from './UserFormModal';
import { ResetPasswordModal } from './ResetPasswordModal';

/** The shop's staff: create, rename/re-role, disable/enable, reset password. Managers only (core enforces). */
export function UsersPanel() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { user: me, shop } = useSession();
  const users = useCall('users.list', {}).data ?? null;
  const invalidate = useInvalidateAfter();
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);


  const setDisabled = async (u: User, disabled: boolean) => {
    try {
      await api.call('users.update', { id: u.id, disabled });
      showSuccessToast(t(disabled ? 'ui.users.disabledDone' : 'ui.users.enabledDone', { name: u.displayName }));
      void invalidate('users.update');
    } catch (err) {
      toast(err);
    }
  };

  // Only an admin may touch an admin account; core refuses it anyway.
  const mayManage = (u: User) => me.role === 'admin' || u.role !== 'admin';
  const now = Date.now();

  return (
    <>
      {shop?.settings.enrolled ? (
        <Alert color="blue" mb="sm" data-testid="users-hq-note">
          {t('ui.users.hqIntro')}
        </Alert>
      ) : null}
      <Group justify="space-between" mb="sm">
        <Text c="dimmed" size="sm">
          {t('ui.users.intro')}
        </Text>
        <Button onClick={() => (setEditing(null), setFormOpen(true))}>{t('ui.users.create')}</Button>
      </Group>
      <Table striped highlightOnHover withTableBorder data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.user.username')}</Table.Th>
            <Table.Th>{t('ui.user.displayName')}</Table.Th>
            <Table.Th>{t('ui.user.role')}</Table.Th>
            <Table.Th>{t('ui.users.status')}</Table.Th>
            <Table.Th>{t('ui.user.pin')}</Table.Th>
            <Table.Th>{t('ui.users.createdAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users ?? []).map((u) => {
            const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > now;
            return (
              <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {u.username}
                    {u.managedByHq ? (
                      <Badge size="xs" variant="light" color="blue" tt="none">
                        {t('ui.users.fromHq')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                <Table.Td>
                  {u.disabled ? (
                    <Badge color="gray">{t('ui.users.disabled')}</Badge>
                  ) : locked ? (
                    <Badge color="orange">{t('ui.users.locked')}</Badge>
                  ) : (
                    <Badge color="teal">{t('ui.users.active')}</Badge>
                  )}
                </Table.Td>
                <Table.Td>{u.hasPin ? t('ui.common.yes') : t('ui.common.no')}</Table.Td>
                <Table.Td>{formatInstant(u.createdAt, locale, shop?.settings.timeZone)}</Table.Td>
                <Table.Td>
                  {u.managedByHq ? (
                    <Text size="xs" c="dimmed" data-testid="user-hq-managed">
                      {t('ui.users.managedByHq')}
                    </Text>
                  ) : mayManage(u) ? (
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button size="xs" variant="subtle" aria-label={t('ui.users.actionsFor', { name: u.username })}>
                          {t('ui.users.actions')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => (setEditing(u), setFormOpen(true))}>{t('ui.users.edit')}</Menu.Item>
                        <Menu.Item onClick={() => setResetting(u)}>{t('ui.users.reset')}</Menu.Item>
                        {u.id !== me.id ? (
                          <Menu.Item color={u.disabled ? undefined : 'red'} onClick={() => void setDisabled(u, !u.disabled)}>
                            {u.disabled ? t('ui.users.enable') : t('ui.users.disable')}
                          </Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <UserFormModal opened={formOpen} editing={editing} onClose={() => setFormOpen(false)} onSaved={() => void invalidate('users.update')} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
