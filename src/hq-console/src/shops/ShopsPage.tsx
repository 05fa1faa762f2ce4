import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Menu, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { NewShopCode, ShopStatus } from '../../../shared/hq-console/contract';
import { useConsole, useConsoleMutation } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { useMe } from '../shell/me';
import { can } from '../shell/sections';
import { CodeModal } from './CodeModal';
import { NewShopModal } from './NewShopModal';
import { RegionModal } from './RegionModal';
import { STATE_COLOR, formatLag } from './format';

/** The whole network at a glance: every shop's sync state, what waits on either side, its schema and last error. */
export function ShopsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  // Shops sync every few minutes: the list follows without a reload.
  const shops = useConsole('shops.list', {}, { refetchInterval: 30_000 });
  const [creating, setCreating] = useState(false);
  const [code, setCode] = useState<NewShopCode | null>(null);
  const [revoking, setRevoking] = useState<ShopStatus | null>(null);
  const [regionOf, setRegionOf] = useState<ShopStatus | null>(null);
  const newCode = useConsoleMutation('shops.enrollmentCode', ['shops.list']);
  const revoke = useConsoleMutation('shops.revoke', ['shops.list']);
  const role = me.user.role;

  if (shops.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (shops.isError) return <Alert color="red">{shops.error.message}</Alert>;
  const list = shops.data.shops;
  const count = (s: ShopStatus['state']) => list.filter((x) => x.state === s).length;
  const confirmRevoke = (shop: ShopStatus) =>
    revoke.mutate({ shopId: shop.id }, { onSuccess: () => (setRevoking(null), notifications.show({ message: t('ui.hq.shops.revoked', { code: shop.code }) })) });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('ui.hq.section.shops')}</Title>
        {can(role, 'shops.create') ? <Button onClick={() => setCreating(true)}>{t('ui.hq.shops.new')}</Button> : null}
      </Group>
      <Text data-testid="network-summary">
        {t('ui.hq.shops.summary', { total: list.length, ok: count('ok'), late: count('late'), failing: count('failing'), notEnrolled: count('notEnrolled') })}
      </Text>
      {list.length === 0 ? (
        <Alert color="blue">{t('ui.hq.shops.empty')}</Alert>
      ) : (
        <Table striped highlightOnHover data-testid="shops-table">
          <Table.Thead>
            <Table.Tr>
              {['shop', 'region', 'state', 'lastSync', 'lag', 'waitingAtShop', 'waitingForShop', 'schema', 'error'].map((c) => (
                <Table.Th key={c}>{t(`ui.hq.shops.col.${c}`)}</Table.Th>
              ))}
              <Table.Th>{t('ui.hq.shops.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((s) => (
              <Table.Tr key={s.id} data-shop={s.code}>
                <Table.Td>
                  <Text fw={600}>{s.code}</Text>
                  <Text size="xs" c="dimmed">
                    {s.name}
                  </Text>
                </Table.Td>
                <Table.Td data-testid="shop-region">{s.region ?? '–'}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[s.state]} variant="light" data-testid="shop-state">
                    {t(`ui.hq.shops.state.${s.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.lastSyncAt ? formatInstant(s.lastSyncAt, locale) : t('ui.hq.shops.never')}</Table.Td>
                <Table.Td>{s.enrolled ? formatLag(s.lagSeconds, t) : '–'}</Table.Td>
                <Table.Td data-testid="waiting-at-shop">{s.waitingAtShop ?? t('ui.hq.shops.unknown')}</Table.Td>
                <Table.Td data-testid="waiting-for-shop">{s.waitingForShop}</Table.Td>
                <Table.Td>{s.schemaVersion ?? '–'}</Table.Td>
                <Table.Td>
                  {s.lastError ? (
                    <Text size="xs" c={s.state === 'failing' ? 'red' : 'dimmed'}>
                      {s.lastError.code} · {formatInstant(s.lastError.at, locale)}
                    </Text>
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td>
                  <Menu>
                    <Menu.Target>
                      <Button size="xs" variant="default" aria-label={`${t('ui.hq.shops.actions')} ${s.code}`}>
                        …
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item disabled={!can(role, 'shops.enrollmentCode')} onClick={() => newCode.mutate({ shopId: s.id }, { onSuccess: setCode })}>
                        {t('ui.hq.shops.newCode')}
                      </Menu.Item>
                      <Menu.Item disabled={!can(role, 'shops.setRegion')} onClick={() => setRegionOf(s)}>
                        {t('ui.hq.shops.editRegion')}
                      </Menu.Item>
                      <Menu.Item color="red" disabled={!can(role, 'shops.revoke') || s.revoked} onClick={() => setRevoking(s)}>
                        {t('ui.hq.shops.revoke')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <NewShopModal opened={creating} onClose={() => setCreating(false)} onCreated={(c) => (setCreating(false), setCode(c))} />
      <CodeModal code={code} onClose={() => setCode(null)} />
      <RegionModal shop={regionOf} onClose={() => setRegionOf(null)} />
      <Modal opened={!!revoking} onClose={() => setRevoking(null)} title={t('ui.hq.shops.revoke')}>
        <Stack>
          <Text size="sm">{revoking ? t('ui.hq.shops.revokeConfirm', { code: revoking.code }) : null}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('ui.common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && confirmRevoke(revoking)}>
              {t('ui.hq.shops.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
