import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PartsImport as Report } from '../../../../shared/hq-console/publishing-parts';
import { fenToYuanText } from '../../../../shared/money/format';
import { useConsoleMutation } from '../../data';
import { useI18n } from '../../i18n';
import { ImportReport, TemplateMenu } from '../ImportReport';
import { base64Of } from '../sheet';

/**
 * The parts catalog from a file (the shop's own template and columns): the report of bad rows,
 * the preview by SKU against the published catalog, then one publication. A file with bad rows
 * publishes only its good rows, and only once the person ticks that they want that.
 */
export function PartsImport({ onPublished }: { onPublished(): void }) {
  const { t, locale } = useI18n();
  const check = useConsoleMutation('parts.import');
  const publish = useConsoleMutation('parts.publish', ['publications.list']);
  const [upload, setUpload] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [accept, setAccept] = useState(false);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const fail = (e: unknown) => notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
  const pick = async (file: File | null) => {
    if (!file) return;
    const u = { fileName: file.name, contentBase64: await base64Of(file) };
    setReport(null);
    setAccept(false);
    check.mutate(u, { onSuccess: (r) => (setUpload(u), setReport(r)), onError: fail });
  };
  const go = () => {
    if (!upload || !report) return;
    if (!title.trim()) return setTitleError(t('hq.publish.titleRequired'));
    publish.mutate(
      { ...upload, title, acceptGoodRows: accept },
      { onSuccess: (r) => (notifications.show({ color: 'teal', message: t('ui.hq.publishing.published', { version: r.publication.version, n: r.publication.itemCount }) }), onPublished()), onError: fail },
    );
  };
  const nothing = report ? report.added.length + report.changed.length === 0 : true;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('ui.hq.publishing.parts.intro')}
      </Text>
      <Group gap="sm">
        <FileButton onChange={(f) => void pick(f).catch(fail)} accept=".xlsx,.csv,text/csv">
          {(props) => (
            <Button {...props} loading={check.isPending} data-testid="parts-import">
              {t('ui.hq.publishing.import.file')}
            </Button>
          )}
        </FileButton>
        <TemplateMenu which="parts.template" />
      </Group>
      {report ? (
        <Stack data-testid="parts-report">
          <Text size="sm">{upload?.fileName}</Text>
          <ImportReport errors={report.errors} totalRows={report.totalRows} badRows={report.badRows} />
          <Group gap="xs">
            <Badge color="teal" variant="light">{t('ui.hq.publishing.added', { n: report.added.length })}</Badge>
            <Badge color="blue" variant="light">{t('ui.hq.publishing.changed', { n: report.changed.length })}</Badge>
            <Badge color="gray" variant="light">{t('ui.hq.publishing.unchanged', { n: report.unchanged })}</Badge>
          </Group>
          {nothing ? <Alert color="blue">{t('hq.publish.nothingChanged')}</Alert> : null}
          <Table striped data-testid="parts-changes">
            <Table.Tbody>
              {report.added.map((a) => (
                <Table.Tr key={`a-${a.sku}`} data-change="added">
                  <Table.Td>
                    <Badge color="teal" variant="light">{t('ui.hq.publishing.change.added')}</Badge>
                  </Table.Td>
                  <Table.Td ff="monospace">{a.sku}</Table.Td>
                  <Table.Td>{a.nameZh}</Table.Td>
                  <Table.Td>¥{fenToYuanText(a.listPrice)}</Table.Td>
                </Table.Tr>
              ))}
              {report.changed.map((c) => (
                <Table.Tr key={`c-${c.sku}`} data-change="changed">
                  <Table.Td>
                    <Badge color="blue" variant="light">{t('ui.hq.publishing.change.changed')}</Badge>
                  </Table.Td>
                  <Table.Td ff="monospace">{c.sku}</Table.Td>
                  <Table.Td>{c.nameZh}</Table.Td>
                  <Table.Td>{c.fields.map((f) => t(`ui.hq.publishing.field.${f}`)).join(locale === 'zh-CN' ? '、' : ', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {report.badRows > 0 ? <Checkbox checked={accept} onChange={(e) => setAccept(e.currentTarget.checked)} label={t('ui.hq.publishing.import.acceptGood', { n: report.good.length, bad: report.badRows })} data-testid="parts-accept" /> : null}
          <TextInput label={t('ui.hq.publishing.title')} placeholder={t('ui.hq.publishing.titleHint')} value={title} error={titleError} onChange={(e) => (setTitle(e.currentTarget.value), setTitleError(null))} data-testid="parts-title" />
          <Group>
            <Button color="indigo" disabled={nothing || (report.badRows > 0 && !accept)} loading={publish.isPending} onClick={go} data-testid="parts-publish">
              {t('ui.hq.publishing.publish')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
