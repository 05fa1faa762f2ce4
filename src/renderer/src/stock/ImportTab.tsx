import { useState } from 'react';
import { Alert, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import type { ImportReport } from '../../../shared/stock/schemas';
import { TEMPLATE_HEADINGS } from '../../../shared/stock/import-rows';
import { showSuccessToast } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useCallMutation, useFetchCall } from '../data/calls';
import { saveBase64 } from '../reports/format';
import { useErrorToast } from '../hooks/useErrorToast';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Catalog import from CSV or XLSX (a manager or the admin), starting from the template that
 * imports as it is. A file with bad rows imports nothing: the report lists every bad row, and
 * only then may the good rows be accepted alone.
 */
export function ImportTab() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const fetchCall = useFetchCall();
  // The report names a field by its code (listPrice); the person filled in a column headed 零售价.
  const headings: Record<string, string> = TEMPLATE_HEADINGS[locale];
  const columnName = (field: string) => headings[field] ?? field;
  const template = (format: 'xlsx' | 'csv') =>
    fetchCall('parts.importTemplate', { format, language: locale }).then((r) => saveBase64(r.fileName, r.mimeType, r.base64), toast);
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  // A committed import refreshes every catalog list (data/invalidation.ts), the quote's part search too.
  const importing = useCallMutation('parts.import');
  const busy = importing.isPending;
  const run = async (acceptGoodRows: boolean) => {
    if (!file) return;
    try {
      const r = await importing.mutateAsync({ fileName: file.name, contentBase64: await base64Of(file), acceptGoodRows });
      setReport(r);
      if (r.committed) showSuccessToast(t('ui.stock.import.done', { created: r.created, updated: r.updated }));
    } catch (err) {
      toast(err);
    }
  };
  return (
    <Stack maw={900}>
      <Text size="sm" c="dimmed">
        {t('ui.stock.import.intro')}
      </Text>
      <Group gap="xs">
        <Text size="sm">{t('ui.stock.import.template')}</Text>
        <Button size="xs" variant="light" data-testid="template-xlsx" onClick={() => void template('xlsx')}>
          {t('ui.stock.import.templateXlsx')}
        </Button>
        <Button size="xs" variant="light" data-testid="template-csv" onClick={() => void template('csv')}>
          {t('ui.stock.import.templateCsv')}
        </Button>
      </Group>
      <Group align="flex-end">
        <FileInput data-testid="import-file" label={t('ui.stock.import.file')} accept=".csv,.xlsx,text/csv" value={file} onChange={(f) => (setFile(f), setReport(null))} w={360} clearable />
        <Button disabled={!file} loading={busy} onClick={() => void run(false)}>
          {t('ui.stock.import.check')}
        </Button>
      </Group>
      {report ? (
        <>
          <Alert color={report.committed ? 'teal' : report.errors.length ? 'orange' : 'teal'} title={report.committed ? t('ui.stock.import.committed') : t('ui.stock.import.notCommitted')}>
            {t('ui.stock.import.summary', { total: report.totalRows, good: report.goodRows, bad: report.totalRows - report.goodRows, created: report.created, updated: report.updated })}
          </Alert>
          {report.errors.length ? (
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ui.stock.import.row')}</Table.Th>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th>{t('ui.stock.import.field')}</Table.Th>
                  <Table.Th>{t('ui.stock.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.row}</Table.Td>
                    <Table.Td ff="monospace">{e.sku}</Table.Td>
                    <Table.Td>{columnName(e.field)}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          {!report.committed && report.goodRows > 0 ? (
            <Group>
              <Button color="orange" loading={busy} onClick={() => void run(true)}>
                {t('ui.stock.import.acceptGood', { n: report.goodRows })}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
