import { Button, Paper, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';

export interface EmptyAction {
  label: string;
  /** A screen's path (`/bench/prices`), or a handler for what happens on this screen. */
  to?: string;
  onClick?(): void;
}

interface Props {
  /** What is not there, in a few words: "价目表还没有收费项目". */
  what: string;
  /** What to do about it, or who can do it for a person who may not. */
  next?: string;
  /** Offered only to those allowed to act. */
  action?: EmptyAction | null;
  testId?: string;
}

/**
 * An empty list says what is missing and what to do next: a button there for those allowed
 * to, and for others the words saying who can. One look for every empty table in the app.
 */
export function EmptyState({ what, next, action, testId }: Props) {
  const navigate = useNavigate();
  return (
    <Paper withBorder radius="md" p="md" bg="gray.0" data-testid={testId ?? 'empty-state'}>
      <Stack gap={6} align="flex-start">
        <Text fw={600}>{what}</Text>
        {next ? (
          <Text size="sm" c="dimmed" data-testid="empty-next">
            {next}
          </Text>
        ) : null}
        {action ? (
          <Button size="xs" variant="light" onClick={() => (action.to ? navigate(action.to) : action.onClick?.())} data-testid="empty-action">
            {action.label}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}
