import { useState } from 'react';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { PrintJob } from '../../../shared/printing/schemas';
import { api } from '../api/client';
import { useCall, useInvalidateAfter } from '../data/calls';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useSession } from '../app/session';
import { useErrorToast } from '../hooks/useErrorToast';
import { jobPdfUrl, showPdf } from './printService';

const STATUS_COLOR: Record<string, string> = { queued: 'gray', printed: 'teal', saved: 'teal', opened: 'blue', failed: 'red' };

/** The print queue and log: failed and waiting jobs first to hand, each with Retry / Open. */
export function PrintQueue() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { shop } = useSession();
  const [filter, setFilter] = useState<'all' | 'failed' | 'queued'>('all');
  // Refetched on each print.job event (the event map).
  const queue = useCall('print.queue', { limit: 100, ...(filter !== 'all' ? { status: filter } : {}) });
  const jobs = queue.data ?? null;
  const invalidate = useInvalidateAfter();

  const retry = async (j: PrintJob) => {
    try {
      await api.call('print.retry', { jobId: j.id });
      await invalidate('print.retry');
    } catch (e) {
      toast(e);
    }
  };
  const open = async (j: PrintJob) => {
    try {
      await showPdf({ job: j, url: await jobPdfUrl(j.id) });
      await invalidate('print.complete');
    } catch (e) {
      toast(e);
    }
  };

  return (
    <Stack gap="sm" data-testid="print-queue">
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          data={[
            { value: 'all', label: t('ui.printing.queue.all') },
            { value: 'failed', label: t('ui.printing.status.failed') },
            { value: 'queued', label: t('ui.printing.status.queued') },
          ]}
        />
        <Button variant="subtle" size="xs" onClick={() => void queue.refetch()}>
          {t('ui.common.refresh')}
        </Button>
      </Group>
      {jobs && jobs.length === 0 ? (
        <Text c="dimmed">{t('ui.printing.queue.empty')}</Text>
      ) : (
        <Table fz="sm" withTableBorder highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.printing.queue.document')}</Table.Th>
              <Table.Th>{t('ui.printing.queue.status')}</Table.Th>
              <Table.Th>{t('ui.printing.queue.paper')}</Table.Th>
              <Table.Th>{t('ui.printing.queue.by')}</Table.Th>
              <Table.Th>{t('ui.printing.queue.at')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(jobs ?? []).map((j) => (
              <Table.Tr key={j.id} data-testid={`print-job-${j.status}`}>
                <Table.Td>
                  {j.title}
                  {j.reprint ? (
                    <Badge ml={6} size="xs" variant="outline" tt="none">
                      {t('ui.printing.reprintMark')}
                    </Badge>
                  ) : null}
                  {j.error ? (
                    <Text size="xs" c="red">
                      {j.error}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" color={STATUS_COLOR[j.status]} variant="light" tt="none">
                    {t(`ui.printing.status.${j.status}`)}
                  </Badge>
                  {j.attempts > 1 ? (
                    <Text size="xs" c="dimmed">
                      {t('ui.printing.queue.attempts', { n: j.attempts })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {t(`ui.printing.format.${j.format}`)} × {j.copies}
                </Table.Td>
                <Table.Td>{j.requestedByName}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(j.requestedAt, locale, shop?.settings.timeZone)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {j.status === 'failed' || j.status === 'queued' ? (
                      <Button size="compact-xs" variant="light" color="orange" onClick={() => void retry(j)} data-testid="print-retry">
                        {t('ui.common.retry')}
                      </Button>
                    ) : null}
                    {j.status !== 'failed' ? (
                      <Button size="compact-xs" variant="subtle" onClick={() => void open(j)}>
                        {t('ui.printing.open')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
