import { useState } from 'react';
import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { printAndShow } from '../../printing/printService';
import { QuoteEditor } from './QuoteEditor';
import { QuoteView } from './QuoteView';
import { EDITABLE, type CardProps } from './types';

/** The quote: the saved version (printable), or the editor for a new version while the ticket allows one. */
export function QuoteCard({ wb }: CardProps) {
  const { t } = useI18n();
  const c = wb.quote.current;
  const editable = EDITABLE.includes(wb.status);
  const [editing, setEditing] = useState(!c && editable);
  return (
    <Paper withBorder p="sm" data-testid="quote-card">
      <Group justify="space-between">
        <Text fw={600}>
          {t('ui.bench.section.quote')} {c ? <Badge variant="light">{t('ui.bench.quote.version', { version: c.version })}</Badge> : null}
        </Text>
        <Group gap="xs">
          {c ? (
            <Button size="xs" variant="subtle" onClick={() => void printAndShow('quote', c.id)} data-testid="quote-print">
              {t('ui.bench.quote.print')}
            </Button>
          ) : null}
          {c && editable && !editing ? (
            <Button size="xs" variant="light" onClick={() => setEditing(true)}>
              {t('ui.bench.quote.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {!c && !editing ? <Text c="dimmed" size="sm">{t('ui.bench.quote.none')}</Text> : null}
      {c && !editing ? <QuoteView wb={wb} /> : null}
      {/* a new saved version (here or at another bench) starts the editor again from it */}
      {editing ? <QuoteEditor key={c?.id ?? 'new'} wb={wb} onSaved={() => setEditing(false)} /> : null}
    </Paper>
  );
}
