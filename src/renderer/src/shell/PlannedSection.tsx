import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import type { SectionId } from './sections';

/** How many "what will be here" lines each planned section has in the catalog (ui.<section>.planned.N). */
const PLANNED_LINES: Record<Exclude<SectionId, 'settings'>, number> = { counter: 4, bench: 4, stock: 4, reports: 4 };

/** A section whose capability is not built yet: says plainly what will be there. */
export function PlannedSection({ section }: { section: Exclude<SectionId, 'settings'> }) {
  const t = useT();
  const lines = Array.from({ length: PLANNED_LINES[section] }, (_, i) => t(`ui.${section}.planned.${i + 1}`));
  return (
    <Stack maw={760}>
      <Title order={2}>{t(`ui.section.${section}.title`)}</Title>
      <Text c="dimmed">{t(`ui.section.${section}.intro`)}</Text>
      <Alert variant="light" color="gray" title={t('ui.planned.notYet')}>
        {t('ui.planned.explain')}
      </Alert>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">
          {t('ui.planned.willHold')}
        </Text>
        <List spacing={6}>
          {lines.map((l) => (
            <List.Item key={l}>{l}</List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}
