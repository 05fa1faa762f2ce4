import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { RecallState } from '../../../shared/hq-console/recalls';
import type { Recall } from '../../../shared/recalls/schemas';
import { localDate } from '../../../shared/time/local-date';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { can } from '../shell/sections';
import { useMe } from '../shell/me';
import { CompletionDrawer } from './CompletionDrawer';
import { RecallForm } from './RecallForm';

export const STATE_COLOR: Record<RecallState, string> = { scheduled: 'blue', running: 'red', ended: 'gray' };

/** What a campaign covers, in one line: brand, models, the number of ranges. */
export function coverage(r: Recall, t: (k: string, p?: Record<string, string | number>) => string): string {
  return [r.brand, r.models.join(' / '), r.ranges.length > 0 ? t('ui.hq.recalls.rangeCount', { n: r.ranges.length }) : ''].filter(Boolean).join(' · ');
}

/** The network's recall campaigns, newest first; a row opens its completion per shop. Service managers and network admins define them. */
export function RecallsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const res = useConsole('recalls.list', {});
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<Recall | 'new' | null>(null);
  const today = localDate(new Date(), 'Asia/Shanghai');
  const list = res.data?.recalls ?? [];
  const mayDefine = can(me.user.role, 'recalls.save');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('ui.hq.section.recalls')}</Title>
        {mayDefine ? (
          <Button onClick={() => setEditing('new')} data-testid="recall-new">
            {t('ui.hq.recalls.new')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('ui.hq.recalls.intro')}
      </Text>
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data && list.length === 0 ? <Alert color="blue">{t('ui.hq.recalls.empty')}</Alert> : null}
      {list.length > 0 ? (
        <Table striped highlightOnHover data-testid="recalls-list">
          <Table.Thead>
            <Table.Tr>
              {['campaign', 'covers', 'action', 'dates', 'state', 'updated'].map((c) => (
                <Table.Th key={c}>{t(`ui.hq.recalls.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map(({ recall: r, state, updatedAt, updatedBy }) => (
              <Table.Tr key={r.id} data-recall={r.code} style={{ cursor: 'pointer' }} onClick={() => setOpen(r.id)}>
                <Table.Td>
                  <Text ff="monospace" fw={600} size="sm">
                    {r.code}
                  </Text>
                  <Text size="sm">{locale === 'zh-CN' ? r.titleZh : r.titleEn}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{coverage(r, t)}</Text>
                </Table.Td>
                <Table.Td>{t(`recalls.action.${r.action}`)}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {r.startDate} – {r.endDate}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[state]} variant="light">
                    {t(`ui.hq.recalls.state.${state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{updatedBy}</Text>
                  <Text size="xs" c="dimmed">
                    {formatInstant(updatedAt, locale)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <CompletionDrawer recallId={open} onClose={() => setOpen(null)} onEdit={mayDefine ? (r) => (setOpen(null), setEditing(r)) : null} />
      {editing ? <RecallForm editing={editing === 'new' ? null : editing} today={today} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
