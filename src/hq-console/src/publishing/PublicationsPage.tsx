import { useState } from 'react';
import { Alert, Badge, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { ArrivalDrawer } from './ArrivalDrawer';
import { PriceListEditor } from './prices/PriceListEditor';
import { PartsImport } from './parts/PartsImport';

const TABS = ['log', 'prices', 'parts'] as const;
type Tab = (typeof TABS)[number];

/** Publishing (发布): the log of every publication and its arrival, the price list editor, the parts catalog import. */
export function PublicationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'log';
  const go = (next: string | null) => setParams(next && next !== 'log' ? { tab: next } : {});
  return (
    <Stack>
      <Title order={2}>{t('ui.hq.section.publishing')}</Title>
      <Tabs value={tab} onChange={go} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`publishing-tab-${k}`}>
              {t(`ui.hq.publishing.tab.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="log" pt="md">
          <PublicationsLog />
        </Tabs.Panel>
        <Tabs.Panel value="prices" pt="md">
          <PriceListEditor onPublished={() => go('log')} />
        </Tabs.Panel>
        <Tabs.Panel value="parts" pt="md">
          <PartsImport onPublished={() => go('log')} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Newest first: what, for whom, which version, who and when, how many items, how many shops have it. */
function PublicationsLog() {
  const { t, locale } = useI18n();
  const res = useConsole('publications.list', { limit: 200 }, { refetchInterval: 15_000 });
  const [open, setOpen] = useState<number | null>(null);
  if (res.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (res.isError) return <Alert color="red">{res.error.message}</Alert>;
  const list = res.data.publications;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('ui.hq.publishing.intro')}
      </Text>
      {list.length === 0 ? <Alert color="blue">{t('ui.hq.publishing.empty')}</Alert> : null}
      {list.length > 0 ? (
        <Table striped highlightOnHover data-testid="publications">
          <Table.Thead>
            <Table.Tr>
              {['at', 'kind', 'title', 'by', 'items', 'arrived'].map((c) => (
                <Table.Th key={c}>{t(`ui.hq.publishing.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id} data-publication={p.id} data-kind={p.kind} style={{ cursor: 'pointer' }} onClick={() => setOpen(p.id)}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(p.at, locale)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`ui.hq.publishing.kind.${p.kind}`)}</Text>
                  <Text size="xs" c="dimmed">
                    v{p.version} · {p.scope === '*' ? t('ui.hq.publishing.everyShop') : (p.shopCode ?? p.scope)}
                  </Text>
                </Table.Td>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td>{p.actorName}</Table.Td>
                <Table.Td>{p.itemCount}</Table.Td>
                <Table.Td>
                  <Badge color={p.shopsMeant > 0 && p.shopsArrived === p.shopsMeant ? 'teal' : 'orange'} variant="light" data-testid="arrived-count">
                    {t('ui.hq.publishing.arrivedOf', { arrived: p.shopsArrived, meant: p.shopsMeant })}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ArrivalDrawer publicationId={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
