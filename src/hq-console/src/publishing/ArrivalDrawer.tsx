import { Alert, Badge, Drawer, Loader, Stack, Table, Text } from '@mantine/core';
import type { ArrivalState } from '../../../shared/hq-console/publishing-log';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';

export const ARRIVAL_COLOR: Record<ArrivalState, string> = { arrived: 'teal', waiting: 'orange', notEnrolled: 'gray', revoked: 'red' };

/** Where one publication has arrived: each shop it is meant for, arrived or waiting, and the shop's last pull. */
export function ArrivalDrawer({ publicationId, onClose }: { publicationId: number | null; onClose(): void }) {
  const { t, locale } = useI18n();
  const res = useConsole('publications.arrival', { publicationId: publicationId ?? 1 }, { enabled: publicationId !== null, refetchInterval: 15_000 });
  const p = res.data?.publication;
  return (
    <Drawer opened={publicationId !== null} onClose={onClose} position="right" size="lg" title={p ? `${t(`ui.hq.publishing.kind.${p.kind}`)} · v${p.version}` : t('ui.hq.publishing.arrival')}>
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data && p ? (
        <Stack data-testid="arrival">
          <Text fw={600}>{p.title}</Text>
          <Text size="sm" c="dimmed">
            {t('ui.hq.publishing.byAt', { who: p.actorName, at: formatInstant(p.at, locale), n: p.itemCount })}
          </Text>
          <Table striped data-testid="arrival-table">
            <Table.Thead>
              <Table.Tr>
                {['shop', 'state', 'lastPull'].map((c) => (
                  <Table.Th key={c}>{t(`ui.hq.publishing.col.${c}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {res.data.shops.map((s) => (
                <Table.Tr key={s.shopId} data-shop={s.code}>
                  <Table.Td>
                    {s.code} {s.name}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={ARRIVAL_COLOR[s.state]} variant="light" data-testid="arrival-state">
                      {t(`ui.hq.publishing.state.${s.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.lastPullAt ? formatInstant(s.lastPullAt, locale) : t('ui.hq.publishing.never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Drawer>
  );
}
