import { useState } from 'react';
import { Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

/**
 * Global search (Ctrl+K). Customers, devices and tickets do not exist yet, so it says so
 * honestly instead of showing made-up results; the box is where real search will plug in.
 */
export function SearchModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  return (
    <Modal
      opened={opened}
      onClose={() => (setQuery(''), onClose())}
      title={t('ui.search.title')}
      size="lg"
      yOffset="12vh"
      data-testid="search-modal"
    >
      <Stack>
        <TextInput
          data-autofocus
          aria-label={t('ui.search.title')}
          placeholder={t('ui.search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        <Text size="sm" c="dimmed">
          {query.trim() ? t('ui.search.noResultsYet', { query: query.trim() }) : t('ui.search.comingWithTickets')}
        </Text>
        <Text size="xs" c="dimmed">
          <Kbd>Esc</Kbd> {t('ui.search.escToClose')}
        </Text>
      </Stack>
    </Modal>
  );
}
