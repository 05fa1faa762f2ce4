import { Alert, Badge, Button, Drawer, Group, Loader, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { RecallCompletion } from '../../../shared/hq-console/recalls';
import type { Recall } from '../../../shared/recalls/schemas';
import { useConsole } from '../data';
import { formatInstant, useI18n } from '../i18n';
import { STATE_COLOR, coverage } from './RecallsPage';

/** A campaign and how far each shop has got: covered devices in its records, tickets recorded against it, handed back. */
export function CompletionDrawer({ recallId, onClose, onEdit }: { recallId: string | null; onClose(): void; onEdit: ((r: Recall) => void) | null }) {
  const { t } = useI18n();
  const res = useConsole('recalls.completion', { recallId: recallId ?? '' }, { enabled: recallId !== null });
  return (
    <Drawer opened={recallId !== null} onClose={onClose} position="right" size="xl" title={res.data ? res.data.campaign.recall.code : t('ui.hq.recalls.completion')}>
      {res.isPending ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {res.isError ? <Alert color="red">{res.error.message}</Alert> : null}
      {res.data ? <Completion c={res.data} onEdit={onEdit} /> : null}
    </Drawer>
  );
}

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100));

function Completion({ c, onEdit }: { c: RecallCompletion; onEdit: ((r: Recall) => void) | null }) {
  const { t, locale } = useI18n();
  const r = c.campaign.recall;
  return (
    <Stack data-testid="recall-completion">
      <Group justify="space-between">
        <Group gap="xs">
          <Badge color={STATE_COLOR[c.campaign.state]} variant="light" size="lg">
            {t(`ui.hq.recalls.state.${c.campaign.state}`)}
          </Badge>
          <Text fw={600}>{locale === 'zh-CN' ? r.titleZh : r.titleEn}</Text>
        </Group>
        {onEdit ? (
          <Button size="xs" variant="light" onClick={() => onEdit(r)} data-testid="recall-edit">
            {t('ui.hq.recalls.change')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm">
        {t(`recalls.action.${r.action}`)} · {coverage(r, t)} · {r.startDate} – {r.endDate}
      </Text>
      <Text size="xs" c="dimmed">
        {t('ui.hq.recalls.versions', { created: formatInstant(c.campaign.createdAt, locale), createdBy: c.campaign.createdBy, updated: formatInstant(c.campaign.updatedAt, locale), updatedBy: c.campaign.updatedBy })}
      </Text>
      <SimpleGrid cols={2}>
        <Alert color="gray" title={t('ui.hq.recalls.instructionsZh')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.instructionsZh}
          </Text>
        </Alert>
        <Alert color="gray" title={t('ui.hq.recalls.instructionsEn')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.instructionsEn}
          </Text>
        </Alert>
      </SimpleGrid>
      {r.ranges.length > 0 ? (
        <Text size="xs" ff="monospace" c="dimmed">
          {r.ranges.map((x) => `${x.field === 'imei' ? 'IMEI' : 'SN'} ${x.from}–${x.to}`).join(' · ')}
        </Text>
      ) : null}
      <Title order={4}>{t('ui.hq.recalls.completion')}</Title>
      <Text size="sm" data-testid="recall-total">
        {t('ui.hq.recalls.total', { seen: c.total.devicesSeen, recorded: c.total.recorded, completed: c.total.completed })}
      </Text>
      <Table striped data-testid="recall-shops">
        <Table.Thead>
          <Table.Tr>
            {['shop', 'pulled', 'seen', 'recorded', 'completed', 'progress', 'last'].map((k) => (
              <Table.Th key={k} ta={k === 'seen' || k === 'recorded' || k === 'completed' ? 'right' : undefined}>
                {t(`ui.hq.recalls.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.shops.map((s) => (
            <Table.Tr key={s.shopId} data-shop={s.shopCode}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {s.shopCode}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {s.shopName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={s.pulled ? 'teal.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                  {s.pulled ? t('ui.hq.recalls.pulled') : t('ui.hq.recalls.notPulled')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{s.devicesSeen}</Table.Td>
              <Table.Td ta="right">{s.recorded}</Table.Td>
              <Table.Td ta="right">{s.completed}</Table.Td>
              <Table.Td w={120}>
                <Progress value={pct(s.completed, Math.max(s.devicesSeen, s.recorded))} color="teal" aria-label={t('ui.hq.recalls.col.progress')} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{s.lastRecordedAt ? formatInstant(s.lastRecordedAt, locale) : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('ui.hq.recalls.completionHint')}
      </Text>
    </Stack>
  );
}
