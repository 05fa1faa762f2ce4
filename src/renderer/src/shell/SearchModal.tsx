import { useEffect, useMemo, useState } from 'react';
import { Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import { SearchResults } from '../search/SearchResults';
import { flatten, useSearch, type Hit } from '../search/useSearch';
import { useOpen } from '../nav/useNav';

/**
 * Global search (Ctrl+K): customers, devices and tickets from any fragment as you type,
 * grouped; ↑/↓ choose, Enter opens (the server's best match when nothing is chosen).
 */
export function SearchModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const t = useT();
  const nav = useOpen();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { result, pending } = useSearch(query);
  const hits = useMemo(() => flatten(result), [result]);
  useEffect(() => setActive(0), [result]);

  const close = () => {
    setQuery('');
    onClose();
  };
  const open = (h: Hit) => {
    close();
    if (h.kind === 'ticket') nav.ticket(h.item.number);
    else if (h.kind === 'customer') nav.customer(h.id);
    else if (h.item.ownerCustomerId) nav.customer(h.item.ownerCustomerId);
  };

  return (
    <Modal opened={opened} onClose={close} title={t('ui.search.title')} size="lg" yOffset="12vh" data-testid="search-modal">
      <Stack>
        <TextInput
          data-autofocus
          aria-label={t('ui.search.title')}
          placeholder={t('ui.search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && hits.length) setActive((a) => (a + 1) % hits.length);
            else if (e.key === 'ArrowUp' && hits.length) setActive((a) => (a - 1 + hits.length) % hits.length);
            else if (e.key === 'Enter' && !pending && hits[active]) open(hits[active]!);
            else return;
            e.preventDefault();
          }}
        />
        {result && hits.length > 0 ? (
          <SearchResults result={result} hits={hits} active={active} onOpen={open} onHover={setActive} />
        ) : result && query.trim() ? (
          <Text size="sm" c="dimmed" data-testid="search-empty">
            {t('search.empty')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('ui.tickets.search.hint')}
          </Text>
        )}
        <Group gap="md">
          <Text size="xs" c="dimmed">
            <Kbd>↑</Kbd> <Kbd>↓</Kbd> {t('ui.tickets.search.move')}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd>Enter</Kbd> {t('ui.tickets.search.open')}
          </Text>
          <Text size="xs" c="dimmed">
            <Kbd>Esc</Kbd> {t('ui.search.escToClose')}
          </Text>
        </Group>
      </Stack>
    </Modal>
  );
}
