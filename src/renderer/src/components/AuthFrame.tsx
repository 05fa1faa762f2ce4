import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { LanguageSwitch } from './LanguageSwitch';
import { useT } from '../i18n/I18nProvider';

/** The card that wizard, sign-in and PIN screens share, with the language switch always at hand. */
export function AuthFrame({ title, subtitle, width = 420, children }: { title: string; subtitle?: string | null; width?: number; children: ReactNode }) {
  const t = useT();
  return (
    <Box mih="100vh" bg="gray.1" py="xl">
      <Group justify="space-between" px="lg" mb="md">
        <Text fw={700} c="indigo.7" size="lg">
          {t('ui.app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="xl" radius="md" w={width} maw="95vw">
          <Stack gap="md">
            <div>
              <Title order={2}>{title}</Title>
              {subtitle ? (
                <Text c="dimmed" size="sm" mt={4}>
                  {subtitle}
                </Text>
              ) : null}
            </div>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
