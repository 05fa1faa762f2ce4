import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PriceDraft, PriceRow, PricesPreview } from '../../../../shared/hq-console/publishing-prices';
import { fenToYuanText } from '../../../../shared/money/format';
import { useConsoleMutation } from '../../data';
import { useI18n } from '../../i18n';

const yuan = (fen: number) => `¥${fenToYuanText(fen)}`;

/** What the list changes against the published one, and its publication under a title. */
export function PreviewModal({ items, basedOn, onClose, onRefused, onPublished }: { items: PriceRow[]; basedOn: number | null; onClose(): void; onRefused(e: unknown): void; onPublished(): void }) {
  const { t } = useI18n();
  const preview = useConsoleMutation('prices.preview');
  const publish = useConsoleMutation('prices.publish', ['prices.current', 'publications.list']);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  // The list as it was when the preview opened: what is shown is exactly what is published.
  const [frozen] = useState(items);
  const refused = useRef(onRefused);
  const { mutate } = preview;
  useEffect(() => mutate({ items: frozen }, { onError: (e) => refused.current(e) }), [frozen, mutate]);
  const p = preview.data;
  const nothing = p ? p.added.length + p.changed.length + p.removed.length === 0 : false;
  const go = () => {
    if (!title.trim()) return setTitleError(t('hq.publish.titleRequired'));
    publish.mutate(
      { items: frozen, title, basedOn },
      {
        onSuccess: (r) => (notifications.show({ color: 'teal', message: t('ui.hq.publishing.published', { version: r.publication.version, n: r.publication.itemCount }) }), onPublished()),
        onError: onRefused,
      },
    );
  };
  return (
    <Modal opened onClose={onClose} size="xl" title={t('ui.hq.publishing.preview')}>
      {preview.isPending || !p ? <Loader aria-label={t('ui.common.loading')} /> : null}
      {p ? (
        <Stack data-testid="prices-preview-modal">
          <Group gap="xs">
            <Badge color="teal" variant="light">{t('ui.hq.publishing.added', { n: p.added.length })}</Badge>
            <Badge color="blue" variant="light">{t('ui.hq.publishing.changed', { n: p.changed.length })}</Badge>
            <Badge color="red" variant="light">{t('ui.hq.publishing.removed', { n: p.removed.length })}</Badge>
            <Badge color="gray" variant="light">{t('ui.hq.publishing.unchanged', { n: p.unchanged })}</Badge>
          </Group>
          {nothing ? <Alert color="blue">{t('hq.publish.nothingChanged')}</Alert> : <Changes p={p} />}
          <TextInput label={t('ui.hq.publishing.title')} placeholder={t('ui.hq.publishing.titleHint')} value={title} error={titleError} onChange={(e) => (setTitle(e.currentTarget.value), setTitleError(null))} data-testid="publish-title" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button color="indigo" disabled={nothing} loading={publish.isPending} onClick={go} data-testid="publish">
              {t('ui.hq.publishing.publish')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

function Changes({ p }: { p: PricesPreview }) {
  const { t, locale } = useI18n();
  const line = (d: PriceDraft) => `${d.nameZh}${d.nameEn ? ` / ${d.nameEn}` : ''}`;
  const rows: { kind: 'added' | 'changed' | 'removed'; code: string; what: string; price: string }[] = [
    ...p.added.map((d) => ({ kind: 'added' as const, code: d.code, what: line(d), price: yuan(d.priceFen) })),
    ...p.changed.map((c) => ({ kind: 'changed' as const, code: c.after.code, what: c.fields.map((f) => t(`ui.hq.publishing.field.${f}`)).join(locale === 'zh-CN' ? '、' : ', '), price: c.before.priceFen === c.after.priceFen ? yuan(c.after.priceFen) : `${yuan(c.before.priceFen)} → ${yuan(c.after.priceFen)}` })),
    ...p.removed.map((d) => ({ kind: 'removed' as const, code: d.code, what: line(d), price: yuan(d.priceFen) })),
  ];
  const color = { added: 'teal', changed: 'blue', removed: 'red' } as const;
  return (
    <>
      <Title order={5}>{t('ui.hq.publishing.changes')}</Title>
      <Table striped data-testid="preview-changes">
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.kind}-${r.code}`} data-change={r.kind} data-code={r.code}>
              <Table.Td>
                <Badge color={color[r.kind]} variant="light">
                  {t(`ui.hq.publishing.change.${r.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {r.code}
                </Text>
              </Table.Td>
              <Table.Td>{r.what}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.price}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
