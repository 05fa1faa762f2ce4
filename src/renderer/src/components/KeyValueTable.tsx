import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/** Label–value rows (the About and sync status panels). */
export function KeyValueTable({ rows, testId, maw }: { rows: readonly (readonly [string, ReactNode])[]; testId: string; maw?: number }) {
  return (
    <Table withTableBorder maw={maw} data-testid={testId}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={200}>{k}</Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
