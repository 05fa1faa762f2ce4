import { Fragment } from 'react';
import { Box, Group, Kbd, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

/** Each shortcut as the keys to press and what they do, in the order a counter meets them. */
const GROUPS: { title: string; rows: { keys: string[]; keyText?: string; what: string }[] }[] = [
  {
    title: 'ui.shortcuts.group.everywhere',
    rows: [
      { keys: ['Alt', '1…5'], what: 'ui.shortcuts.sections' },
      { keys: ['Ctrl', 'K'], what: 'ui.shortcuts.search' },
      { keys: ['F2'], what: 'ui.shortcuts.switchUser' },
      { keys: ['?'], what: 'ui.shortcuts.help' },
      { keys: ['Esc'], what: 'ui.shortcuts.close' },
      { keys: [], keyText: 'ui.shortcuts.scanKey', what: 'ui.shortcuts.scan' },
    ],
  },
  {
    title: 'ui.shortcuts.group.intake',
    rows: [
      { keys: ['Tab'], what: 'ui.shortcuts.next' },
      { keys: ['↑', '↓'], what: 'ui.shortcuts.pick' },
      { keys: ['O', 'F', 'N', 'A'], what: 'ui.shortcuts.condition' },
      { keys: ['P', 'W', 'T', 'N', 'D'], what: 'ui.shortcuts.passcode' },
      { keys: ['1…7'], what: 'ui.shortcuts.accessories' },
      { keys: ['C', 'M', 'S'], what: 'ui.shortcuts.service' },
      { keys: ['↑', '↓'], what: 'ui.shortcuts.promised' },
      { keys: ['Ctrl', 'Enter'], what: 'ui.shortcuts.saveIntake' },
    ],
  },
  {
    title: 'ui.shortcuts.group.bench',
    rows: [
      { keys: [], keyText: 'ui.shortcuts.scanKey', what: 'ui.shortcuts.benchScan' },
      { keys: ['Enter'], what: 'ui.shortcuts.diagnosis' },
      { keys: ['Ctrl', 'Enter'], what: 'ui.shortcuts.benchSave' },
      { keys: [], keyText: 'ui.shortcuts.scanKey', what: 'ui.shortcuts.partScan' },
    ],
  },
  {
    title: 'ui.shortcuts.group.collection',
    rows: [
      { keys: ['Enter'], keyText: 'ui.shortcuts.scanKey', what: 'ui.shortcuts.handBack' },
      { keys: ['Ctrl', 'Enter'], what: 'ui.shortcuts.settle' },
      { keys: ['Esc'], what: 'ui.shortcuts.nextCustomer' },
    ],
  },
];

/** The `?` overlay: every shortcut on one screen, so nobody has to remember where they read it. */
export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const t = useT();
  return (
    // Two columns: every group on one screen of a 1366×768 counter PC, no scrolling.
    <Modal opened={opened} onClose={onClose} title={t('ui.shortcuts.title')} size={1040} data-testid="shortcuts">
      <Stack gap="md" data-testid="shortcuts-list">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="md">
        {GROUPS.map((g) => (
          <div key={g.title}>
            <Title order={5} mb={6}>
              {t(g.title)}
            </Title>
            <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(110px, auto) 1fr', gap: 6, alignItems: 'center' }}>
              {g.rows.map((r) => (
                <Fragment key={`${g.title}-${r.what}`}>
                  <Group gap={4} wrap="nowrap">
                    {r.keyText ? <Kbd size="xs">{t(r.keyText)}</Kbd> : null}
                    {r.keys.map((k, i) => (
                      <Kbd key={`${k}-${i}`} size="xs">
                        {k}
                      </Kbd>
                    ))}
                  </Group>
                  <Text size="sm">{t(r.what)}</Text>
                </Fragment>
              ))}
            </Box>
          </div>
        ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('ui.shortcuts.hint')}
        </Text>
      </Stack>
    </Modal>
  );
}
