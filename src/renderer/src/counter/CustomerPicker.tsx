import { forwardRef, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { Badge, Button, Group, Kbd, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import type { CustomerSummary } from '../../../shared/customers/schemas';
import { useT } from '../i18n/I18nProvider';
import { useCall } from '../data/calls';

interface Props {
  value: CustomerSummary | null;
  creating: boolean;
  error?: string;
  onPick(c: CustomerSummary): void;
  onNew(seed: string): void;
  onClear(): void;
}

/**
 * Finds the customer as the counter types phone digits or a name: results update as you type,
 * ↑/↓ choose, Enter takes it. The last row creates a new customer from what was typed.
 */
export const CustomerPicker = forwardRef<HTMLInputElement, Props>(function CustomerPicker({ value, creating, error, onPick, onNew, onClear }, ref) {
  const t = useT();
  const [q, setQ] = useState('');
  const text = q.trim();
  const [term] = useDebouncedValue(text, 120);
  // The last answer stays on screen while the next is asked; `searched` is what it answers (null: an older query).
  const search = useCall('search.query', { q: term, limit: 8 }, { enabled: term !== '' && text !== '', keepPrevious: true });
  const answer = text !== '' ? search.data : undefined;
  const hits: CustomerSummary[] = (answer?.customers ?? []).map(({ id, name, phones, company }) => ({ id, name, phones, company }));
  const searched = answer && !search.isPlaceholderData ? term : null;
  // The highlight starts at the top of each new answer.
  const [highlight, setHighlight] = useState({ answer: 0, row: 0 });
  const hl = highlight.answer === search.dataUpdatedAt ? highlight.row : 0;
  const setHl = (next: number | ((row: number) => number)) => setHighlight({ answer: search.dataUpdatedAt, row: typeof next === 'function' ? next(hl) : next });

  if (value) {
    return (
      <Paper withBorder p="sm" data-testid="picked-customer">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={700} size="lg">
              {value.name}
              {value.company ? (
                <Text span c="dimmed" size="sm" ml="xs">
                  {value.company}
                </Text>
              ) : null}
            </Text>
            <Group gap={6}>
              {value.phones.map((p) => (
                <Badge key={p} variant="light" tt="none">
                  {p}
                </Badge>
              ))}
            </Group>
          </div>
          <Button variant="subtle" size="xs" onClick={onClear}>
            {t('ui.counter.customer.change')}
          </Button>
        </Group>
      </Paper>
    );
  }

  const rows = hits.length + (q.trim() ? 1 : 0);
  const choose = (i: number) => {
    if (i < hits.length) {
      onPick(hits[i]!);
      setQ('');
    } else onNew(q.trim());
  };

  return (
    <Stack gap={4}>
      <TextInput
        ref={ref}
        data-autofocus
        label={t('ui.counter.customer.find')}
        description={creating ? undefined : t('ui.counter.customer.findHint')}
        placeholder={t('ui.counter.customer.placeholder')}
        value={q}
        error={error}
        data-testid="customer-search"
        autoComplete="off"
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && rows > 0) {
            e.preventDefault();
            setHl((h) => (h + 1) % rows);
          } else if (e.key === 'ArrowUp' && rows > 0) {
            e.preventDefault();
            setHl((h) => (h - 1 + rows) % rows);
          } else if (e.key === 'Enter' && !e.ctrlKey && rows > 0) {
            e.preventDefault();
            // Results of an older query must not be taken for the current one.
            if (searched === q.trim() || hl >= hits.length) choose(hl);
          }
        }}
      />
      {q.trim() && !creating ? (
        <Paper withBorder p={4} data-testid="customer-results" role="listbox" aria-label={t('ui.counter.customer.results')}>
          {hits.map((c, i) => (
            <UnstyledButton
              key={c.id}
              role="option"
              aria-selected={i === hl}
              tabIndex={-1}
              onMouseEnter={() => setHl(i)}
              onClick={() => choose(i)}
              w="100%"
              p={6}
              style={{ borderRadius: 4, background: i === hl ? 'var(--mantine-color-indigo-0)' : undefined }}
            >
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{c.name}</Text>
                <Text size="sm" c="dimmed">
                  {c.phones.join(' · ')}
                  {c.company ? ` · ${c.company}` : ''}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
          {searched === q.trim() && hits.length === 0 ? (
            <Text size="sm" c="dimmed" p={6}>
              {t('ui.counter.customer.none')}
            </Text>
          ) : null}
          <UnstyledButton
            role="option"
            aria-selected={hl === hits.length}
            tabIndex={-1}
            onMouseEnter={() => setHl(hits.length)}
            onClick={() => choose(hits.length)}
            w="100%"
            p={6}
            data-testid="customer-new"
            style={{ borderRadius: 4, background: hl === hits.length ? 'var(--mantine-color-indigo-0)' : undefined }}
          >
            <Text size="sm" c="indigo.7" fw={600}>
              + {t('ui.counter.customer.new', { text: q.trim() })}
            </Text>
          </UnstyledButton>
          <Text size="xs" c="dimmed" px={6}>
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> <Kbd size="xs">Enter</Kbd> {t('ui.counter.keys.pick')}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
});
