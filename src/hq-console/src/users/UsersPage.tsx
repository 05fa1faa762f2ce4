import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { HqUser } from '../../../shared/hq-console/contract';
import { useConsole, useConsoleMutation } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { useMe } from '../shell/me';
import { NewUserModal } from './NewUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';

/** Head office's accounts: who has which role, who is locked or disabled, when each last signed in. */
export function UsersPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const users = useConsole('users.list', {});
  const update = useConsoleMutation('users.update', ['users.list']);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<HqUser | null>(null);
  if (users.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (users.isError) return <Alert color="red">{users.error.message}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('ui.hq.section.users')}</Title>
        <Button onClick={() => setCreating(true)}>{t('ui.hq.users.new')}</Button>
      </Group>
      <Table striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.user.username')}</Table.Th>
            <Table.Th>{t('ui.user.displayName')}</Table.Th>
            <Table.Th>{t('ui.user.role')}</Table.Th>
            <Table.Th>{t('ui.hq.users.lastSignIn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.data.users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge variant="light">{t(`ui.hq.role.${u.role}`)}</Badge>
                  {u.disabled ? <Badge color="gray">{t('ui.hq.users.disabled')}</Badge> : null}
                  {u.lockedUntil ? <Badge color="red">{t('ui.hq.users.locked', { until: formatInstant(u.lockedUntil, locale) })}</Badge> : null}
                </Group>
              </Table.Td>
              <Table.Td>{u.lastSignInAt ? formatInstant(u.lastSignInAt, locale) : <Text c="dimmed">{t('ui.hq.shops.never')}</Text>}</Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="default" onClick={() => setResetting(u)}>
                    {t('ui.hq.users.resetPassword')}
                  </Button>
                  {u.id !== me.user.id ? (
                    <Button size="xs" variant="default" loading={update.isPending && update.variables?.id === u.id} onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                      {t(u.disabled ? 'ui.hq.users.enable' : 'ui.hq.users.disable')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NewUserModal opened={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}
