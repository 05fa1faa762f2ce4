import type { ReactNode } from 'react';
import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';

/**
 * The card the shop's wizard, sign-in and PIN screens and head office's sign-in share: the app's
 * name and the language switch above, always at hand.
 */
export function AuthFrame(props: { appName: string; languageSwitch: ReactNode; title: string; subtitle?: string | null; width?: number; children: ReactNode }) {
  const { appName, languageSwitch, title, subtitle, width = 420, children } = props;
  return (
    <Box mih="100vh" bg="gray.1" py="xl">
      <Group justify="space-between" px="lg" mb="md">
        <Text fw={700} c="indigo.7" size="lg">
          {appName}
        </Text>
        {languageSwitch}
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
