import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { ProvisionedUser } from '../../../../shared/hq-console/publishing-users';
import { useConsole } from '../../data';
import { formatInstant, useI18n } from '../../i18n';
import { ShopPicker } from '../ShopPicker';
import { UserModal } from './UserModal';

/** The users head office provisions for one shop: the shop cannot rename, re-role or disable them; a row opens it. */
export function UsersTab() {
  const { t, locale } = useI18n();
  const [shopId, setShopId] = useState<string | null>(null);
  const [editing, setEditing] = useState<ProvisionedUser | 'new' | null>(null);
  const list = useConsole('publishing.users.list', { shopId: shopId ?? '' }, { enabled: shopId !== null });
  return (
    <Stack data-testid="pub-users">
      <Text size="sm" c="dimmed">
        {t('ui.hq.pub.users.intro')}
      </Text>
      <Group align="flex-end" justify="space-between">
        <ShopPicker value={shopId} onChange={setShopId} />
        {shopId ? (
          <Button onClick={() => setEditing('new')} data-testid="pub-user-new">
            {t('ui.hq.pub.users.new')}
          </Button>
        ) : null}
      </Group>
      {shopId && list.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {list.isError ? <Alert color="red">{list.error.message}</Alert> : null}
      {list.data && list.data.users.length === 0 ? <Text c="dimmed">{t('ui.hq.pub.users.empty')}</Text> : null}
      {list.data && list.data.users.length > 0 ? (
        <Table highlightOnHover data-testid="pub-users-list">
          <Table.Thead>
            <Table.Tr>
              {['username', 'displayName', 'role', 'password', 'published'].map((c) => (
                <Table.Th key={c}>{t(`ui.hq.pub.users.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.users.map((u) => (
              <Table.Tr key={u.id} data-user={u.username} style={{ cursor: 'pointer' }} onClick={() => setEditing(u)}>
                <Table.Td ff="monospace">{u.username}</Table.Td>
                <Table.Td>
                  {u.displayName}{' '}
                  {u.disabled ? (
                    <Badge color="gray" variant="light" tt="none">
                      {t('ui.hq.pub.users.disabledBadge')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                <Table.Td>{u.hasPassword ? t('ui.hq.pub.users.passwordSet') : t('ui.hq.pub.users.passwordNone')}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('ui.hq.pub.lastPublished', { at: formatInstant(u.publishedAt, locale), change: u.change })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {shopId && editing ? <UserModal shopId={shopId} editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
