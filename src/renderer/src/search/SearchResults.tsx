import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { SearchResult } from '../../../shared/search/schemas';
import { useT } from '../i18n/I18nProvider';
import { StatusBadge } from '../tickets/TicketBadges';
import type { Hit } from './useSearch';
import { useRecallMatcher } from '../recalls/useRecalls';

function Row({ hit, active, onOpen, onHover }: { hit: Hit; active: boolean; onOpen(): void; onHover(): void }) {
  const t = useT();
  const recallsOf = useRecallMatcher();
  let main: React.ReactNode;
  let sub: string;
  if (hit.kind === 'ticket') {
    main = (
      <Group gap={6} wrap="nowrap">
        <Text ff="monospace" fw={600} size="sm">
          {hit.item.number}
        </Text>
        <StatusBadge status={hit.item.status} />
        <Text size="sm" truncate>
          {hit.item.customerName} · {hit.item.deviceLabel}
        </Text>
      </Group>
    );
    sub = hit.item.faultSummary;
  } else if (hit.kind === 'customer') {
    main = (
      <Text fw={600} size="sm">
        {hit.item.name}
        {hit.item.company ? ` · ${hit.item.company}` : ''}
      </Text>
    );
    sub = hit.item.phones.join(' · ');
  } else {
    const recalls = recallsOf(hit.item);
    main = (
      <Group gap={6} wrap="nowrap">
        <Text fw={600} size="sm">
          {hit.item.brand} {hit.item.model} · {t(`devices.category.${hit.item.category}`)}
        </Text>
        {recalls.map((r) => (
          <Badge key={r.campaign.id} size="xs" color="red" title={t(`recalls.action.${r.campaign.action}`)} data-testid="search-recall">
            {t('ui.recalls.search.badge', { code: r.campaign.code })}
          </Badge>
        ))}
      </Group>
    );
    sub = [hit.item.imei && `IMEI ${hit.item.imei}`, hit.item.serial && `SN ${hit.item.serial}`, hit.item.ownerName].filter(Boolean).join(' · ');
  }
  return (
    <UnstyledButton
      role="option"
      aria-selected={active}
      tabIndex={-1}
      onClick={onOpen}
      onMouseMove={onHover}
      data-testid={`search-hit-${hit.kind}`}
      p={6}
      style={{ borderRadius: 6, background: active ? 'var(--mantine-color-indigo-0)' : undefined }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          {main}
          <Text size="xs" c="dimmed" truncate>
            {sub}
          </Text>
        </div>
        <Badge size="xs" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>
          {t(`search.match.${hit.item.match}`)}
        </Badge>
      </Group>
    </UnstyledButton>
  );
}

/** Results grouped as tickets, customers, devices; `active` indexes the flat list. */
export function SearchResults({ result, hits, active, onOpen, onHover }: { result: SearchResult; hits: Hit[]; active: number; onOpen(h: Hit): void; onHover(i: number): void }) {
  const t = useT();
  const groups = [
    ['tickets', 'search.group.tickets'],
    ['customers', 'search.group.customers'],
    ['devices', 'search.group.devices'],
  ] as const;
  let offset = 0;
  return (
    <Stack gap="xs" role="listbox" data-testid="search-results">
      {groups.map(([key, label]) => {
        const n = result[key].length;
        const start = offset;
        offset += n;
        if (n === 0) return null;
        return (
          <Stack key={key} gap={2} data-testid={`search-group-${key}`}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t(label)}
            </Text>
            {hits.slice(start, start + n).map((h, i) => (
              <Row key={`${h.kind}-${h.id}`} hit={h} active={active === start + i} onOpen={() => onOpen(h)} onHover={() => onHover(start + i)} />
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
