import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { CONDITION_ITEMS } from '../../../../shared/tickets/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { AttachmentThumbs } from '../../tickets/AttachmentThumbs';
import { CoverageBadge } from '../../tickets/TicketBadges';
import type { CardProps } from './types';

const STATE_COLOR = { ok: 'teal', fault: 'red', not_checked: 'gray' } as const;

/**
 * The device as the counter received it, for the technician: the customer's fault and codes, the
 * condition checked at intake (faults first), accessories, the intake photos, the claim and what
 * was decided of it.
 */
export function ReceivedCard({ wb }: CardProps) {
  const { t } = useI18n();
  const r = wb.received;
  const checked = CONDITION_ITEMS.filter((i) => r.condition[i] !== 'ok').sort((a, b) => (r.condition[a] === 'fault' ? 0 : 1) - (r.condition[b] === 'fault' ? 0 : 1));
  return (
    <Paper withBorder p="sm" data-testid="received-card">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t('ui.bench.received.title')}</Text>
        <Group gap="xs">
          <Badge variant="light" color={r.warrantyClaimed ? 'yellow' : 'gray'} tt="none" data-testid="received-claim">
            {r.warrantyClaimed ? t('ui.bench.received.claimed') : t('ui.bench.received.notClaimed')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('ui.bench.received.decision')}
          </Text>
          <CoverageBadge coverage={r.coverage} />
          {wb.sanbao ? <Badge tt="none">{t(`ui.bench.sanbao.${wb.sanbao.option}`)}</Badge> : null}
        </Group>
      </Group>
      <SimpleGrid cols={2} spacing="sm">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('ui.bench.received.fault')}
          </Text>
          <Text size="sm" data-testid="received-fault">
            {r.fault.text}
          </Text>
          <Group gap={4}>
            {r.fault.codes.map((code) => (
              <Badge key={code} size="sm" variant="light" tt="none">
                {t(`devices.fault.${code}`)}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('ui.bench.received.accessories')}
          </Text>
          <Group gap={4} data-testid="received-accessories">
            {r.accessories.items.length === 0 ? <Text size="sm">{t('ui.bench.received.noAccessories')}</Text> : null}
            {r.accessories.items.map((a) => (
              <Badge key={a} size="sm" variant="outline" tt="none">
                {a === 'other' && r.accessories.other ? r.accessories.other : t(`tickets.accessory.${a}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('ui.bench.received.condition')}
          </Text>
          <Group gap={4} data-testid="received-condition">
            {checked.length === 0 ? <Text size="sm">{t('ui.bench.received.allOk')}</Text> : null}
            {checked.map((i) => (
              <Badge key={i} size="sm" variant="light" color={STATE_COLOR[r.condition[i]]} tt="none">
                {t(`tickets.condition.${i}`)}: {t(`tickets.conditionState.${r.condition[i]}`)}
              </Badge>
            ))}
          </Group>
          {r.condition.cosmeticNotes ? <Text size="sm">{r.condition.cosmeticNotes}</Text> : null}
          <Text size="xs" c="dimmed" mt={4}>
            {t('ui.bench.received.photos')}
          </Text>
          <AttachmentThumbs attachments={r.photos} />
        </Stack>
      </SimpleGrid>
    </Paper>
  );
}
