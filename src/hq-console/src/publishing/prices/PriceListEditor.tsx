import { useEffect, useRef, useState } from 'react';
import { Alert, Button, FileButton, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PriceImport, PriceRow } from '../../../../shared/hq-console/publishing-prices';
import { ConsoleError } from '../../api';
import { useConsole, useConsoleMutation } from '../../data';
import { formatInstant, useI18n } from '../../i18n';
import { ImportReport, TemplateMenu } from '../ImportReport';
import { base64Of } from '../sheet';
import { PreviewModal } from './PreviewModal';
import { PriceRowsTable } from './PriceRowsTable';
import { blankRow, mergeImport, type EditorRow } from './rows';

/**
 * The price list as every shop has it, edited here: rows changed, added or removed by hand, or
 * from a file (XLSX or CSV). A file's bad rows never enter the list: the report names each one,
 * and the person fixes the file or takes the good rows in explicitly. Nothing reaches a shop
 * until the preview (added, changed, removed against what is published) is published.
 */
export function PriceListEditor({ onPublished }: { onPublished(): void }) {
  const { t, locale } = useI18n();
  const current = useConsole('prices.current', {});
  const importing = useConsoleMutation('prices.import');
  const counter = useRef(0);
  const newKey = () => `n${++counter.current}`;
  const [rows, setRows] = useState<EditorRow[] | null>(null);
  const [report, setReport] = useState<PriceImport | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [previewing, setPreviewing] = useState(false);
  const loaded = current.data;
  // The editor starts from what is published, and again after each publication.
  useEffect(() => {
    if (loaded) setRows(loaded.items.map((r) => ({ key: r.id, row: r })));
  }, [loaded]);

  const upload = async (file: File | null) => {
    if (!file) return;
    try {
      const r = await importing.mutateAsync({ fileName: file.name, contentBase64: await base64Of(file) });
      setReport(r);
      if (r.badRows === 0) take(r);
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const take = (r: PriceImport) => {
    const merged = mergeImport(rows ?? [], r.good.map((g) => g.item), newKey);
    setRows(merged.rows);
    setReport(null);
    notifications.show({ message: t('ui.hq.publishing.prices.merged', { added: merged.added, changed: merged.changed }) });
  };
  const onRefused = (e: unknown) => {
    const fields = e instanceof ConsoleError ? (e.details.fields as Record<string, string> | undefined) : undefined;
    const params = e instanceof ConsoleError ? ((e.details.params as Record<string, Record<string, string>> | undefined) ?? {}) : {};
    if (fields) setErrors(Object.fromEntries(Object.entries(fields).map(([k, key]) => [k, t(key, params[k])])));
    notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
  };

  if (current.isPending || !rows) return current.isError ? <Alert color="red">{current.error.message}</Alert> : <Loader aria-label={t('ui.common.loading')} />;
  const setRow = (key: string, row: PriceRow) => setRows(rows.map((r) => (r.key === key ? { key, row } : r)));
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {loaded?.publication ? t('ui.hq.publishing.prices.current', { version: loaded.publication.version, who: loaded.publication.actorName, at: formatInstant(loaded.publication.at, locale) }) : t('ui.hq.publishing.prices.none')}
      </Text>
      <Group gap="sm">
        <FileButton onChange={(f) => void upload(f)} accept=".xlsx,.csv,text/csv">
          {(props) => (
            <Button {...props} loading={importing.isPending} data-testid="prices-import">
              {t('ui.hq.publishing.import.file')}
            </Button>
          )}
        </FileButton>
        <TemplateMenu which="prices.template" />
        <Button variant="default" onClick={() => setRows([...rows, { key: newKey(), row: blankRow() }])} data-testid="prices-add">
          {t('ui.hq.publishing.prices.add')}
        </Button>
        <Button color="indigo" onClick={() => (setErrors({}), setPreviewing(true))} disabled={rows.length === 0 && !loaded?.items.length} data-testid="prices-preview">
          {t('ui.hq.publishing.previewPublish')}
        </Button>
      </Group>
      {report ? (
        <Stack gap="xs" data-testid="prices-report">
          <ImportReport errors={report.errors} totalRows={report.totalRows} badRows={report.badRows} />
          <Group gap="sm">
            <Text size="sm">{t('ui.hq.publishing.import.fixOrTake')}</Text>
            {report.good.length > 0 ? (
              <Button size="xs" variant="light" onClick={() => take(report)} data-testid="prices-take-good">
                {t('ui.hq.publishing.import.takeGood', { n: report.good.length })}
              </Button>
            ) : null}
            <Button size="xs" variant="subtle" onClick={() => setReport(null)}>
              {t('ui.hq.publishing.import.discard')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      <PriceRowsTable rows={rows} errors={errors} onChange={setRow} onRemove={(key) => setRows(rows.filter((r) => r.key !== key))} />
      {previewing ? (
        <PreviewModal
          items={rows.map((r) => r.row)}
          basedOn={loaded?.publication?.id ?? null}
          onClose={() => setPreviewing(false)}
          onRefused={(e) => (setPreviewing(false), onRefused(e))}
          onPublished={() => (setPreviewing(false), onPublished())}
        />
      ) : null}
    </Stack>
  );
}
