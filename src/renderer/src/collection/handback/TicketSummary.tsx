import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CollectionView } from '../../../../shared/collection/schemas';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/I18nProvider';
import { formatInstant } from '../../i18n/format';

/** The ticket at the counter: number, status, customer and device, the warranties it leaves with, what blocks the hand-back. */
export function TicketSummary({ view }: { view: CollectionView }) {
  const { t, locale, colon } = useI18n();
  const { shop } = useSession();
  // A returned unit stays with the shop: no repair warranty to announce.
  const returned = view.ticket.outcome === 'refunded';
  return (
        <Paper withBorder p="md">
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="xs">
                <Title order={3} ff="monospace" data-testid="collection-number">
                  {view.ticket.number}
                </Title>
                <Badge variant="light" tt="none">
                  {t(`tickets.status.${view.ticket.status}`)}
                </Badge>
                {view.ticket.outcome ? (
                  <Badge color="teal" variant="light" tt="none">
                    {t(`collection.outcome.${view.ticket.outcome}`)}
                  </Badge>
                ) : null}
              </Group>
              <Text fw={600}>
                {view.ticket.customerName} · {view.ticket.device.brand} {view.ticket.device.model}
              </Text>
              <Text size="sm" c="dimmed">
                {t('ui.collection.phones')}{colon}{view.ticket.phonesMasked.join(', ')} · IMEI/SN {view.ticket.device.imei ?? view.ticket.device.serial ?? '—'}
              </Text>
            </div>
            <Stack gap={2} align="flex-end">
              {returned ? null : <Text size="sm">{t('ui.collection.repairWarranty', { days: view.warranty.repairWarrantyDays, date: view.warranty.repairWarrantyUntil })}</Text>}
              {view.warranty.unitEnd && !returned ? <Text size="sm">{t('ui.collection.unitEnd', { date: view.warranty.unitEnd })}</Text> : null}
              {view.ticket.passcodeGiven ? (
                <Text size="xs" c="orange.8">
                  {t('ui.collection.passcodeErase')}
                </Text>
              ) : null}
            </Stack>
          </Group>
          {view.blockers.length ? (
            <Alert color="red" mt="sm" title={t('ui.collection.blocked')} data-testid="collection-blockers">
              {view.blockers.map((b) => (
                <div key={b}>{b}</div>
              ))}
            </Alert>
          ) : null}
          {view.collection ? (
            <Alert color="teal" mt="sm">
              {t('ui.collection.collected', { at: formatInstant(view.collection.collectedAt, locale, shop?.settings.timeZone) })}
            </Alert>
          ) : null}
        </Paper>
  );
}
