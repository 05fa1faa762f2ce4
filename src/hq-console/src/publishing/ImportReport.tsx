import { Alert, Button, Menu, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SheetRowError } from '../../../shared/hq-console/publishing-sheet';
import { useI18n } from '../i18n';
import { downloadTemplate } from './sheet';

/** A file's bad rows as the person fixes them: the row as the spreadsheet numbers it, the column as the file heads it, the reason. */
export function ImportReport({ errors, totalRows, badRows }: { errors: readonly SheetRowError[]; totalRows: number; badRows: number }) {
  const { t } = useI18n();
  return (
    <>
      <Alert color={badRows ? 'orange' : 'teal'} title={t(badRows ? 'ui.hq.publishing.import.hasErrors' : 'ui.hq.publishing.import.clean')} data-testid="import-summary">
        {t('ui.hq.publishing.import.summary', { total: totalRows, good: totalRows - badRows, bad: badRows })}
      </Alert>
      {errors.length ? (
        <Table withTableBorder striped data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              {['row', 'ref', 'column', 'reason'].map((c) => (
                <Table.Th key={c}>{t(`ui.hq.publishing.col.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={i} data-row={e.row}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {e.ref || '–'}
                  </Text>
                </Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </>
  );
}

/** The template download, XLSX or CSV, in the reader's language. */
export function TemplateMenu({ which }: { which: 'prices.template' | 'parts.template' }) {
  const { t, locale } = useI18n();
  const get = (format: 'xlsx' | 'csv') => downloadTemplate(which, format, locale).catch((e: unknown) => notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) }));
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default" data-testid="template">
          {t('ui.hq.publishing.import.template')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void get('xlsx')} data-testid="template-xlsx">
          XLSX
        </Menu.Item>
        <Menu.Item onClick={() => void get('csv')} data-testid="template-csv">
          CSV
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

