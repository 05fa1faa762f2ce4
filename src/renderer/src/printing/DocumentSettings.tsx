import { useEffect, useState } from 'react';
import { Alert, Button, NumberInput, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { DOC_FORMATS, DOC_PRINT_DEFAULTS, docPrintSettings, PAGE_FORMATS, type DocPrintSettings, type PageFormat } from '../../../shared/documents/settings';
import { api } from '../api/client';
import { isManager, useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

/** Every ticket document, with the paper each can be laid out on (the print service's own table). */
const TYPES = Object.entries(DOC_FORMATS).map(([type, formats]) => ({ type, formats: formats as readonly PageFormat[] }));

/** Paper, auto-print and copies per document; shop.update gets the documents object back complete. */
export function DocumentSettings() {
  const t = useT();
  const { toast } = useErrorToast();
  const { user, shop, refreshShop } = useSession();
  const canEdit = isManager(user);
  const docs = shop?.settings.documents;
  const [types, setTypes] = useState<Record<string, DocPrintSettings>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (docs) setTypes(Object.fromEntries(TYPES.map(({ type }) => [type, docPrintSettings(docs, type)])));
  }, [docs]);
  if (!docs) return null;

  const set = (type: string, p: Partial<DocPrintSettings>) => setTypes((x) => ({ ...x, [type]: { ...x[type]!, ...p } }));
  const save = async () => {
    setBusy(true);
    try {
      await api.call('shop.update', { documents: { ...docs, types: { ...docs.types, ...types } } });
      await refreshShop();
      showSuccessToast(t('ui.settings.saved'));
    } catch (e) {
      toast(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="document-settings">
      {!canEdit ? <Alert color="gray">{t('ui.settings.readOnly')}</Alert> : null}
      <Table withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.printing.queue.document')}</Table.Th>
            <Table.Th>{t('ui.printing.settings.paper')}</Table.Th>
            <Table.Th>{t('ui.printing.settings.autoPrint')}</Table.Th>
            <Table.Th>{t('ui.printing.settings.copies')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TYPES.map(({ type, formats }) => {
            const s = types[type] ?? DOC_PRINT_DEFAULTS[type]!;
            return (
              <Table.Tr key={type} data-testid={`doc-settings-${type}`}>
                <Table.Td>{t(`ui.printing.doc.${type}`)}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={180}
                    readOnly={!canEdit}
                    allowDeselect={false}
                    aria-label={t('ui.printing.settings.paper')}
                    data={PAGE_FORMATS.filter((f) => formats.includes(f)).map((f) => ({ value: f, label: t(`ui.printing.format.${f}`) }))}
                    value={s.format}
                    onChange={(v) => v && set(type, { format: v as PageFormat })}
                  />
                </Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t('ui.printing.settings.autoPrint')}
                    disabled={!canEdit}
                    checked={s.autoPrint}
                    onChange={(e) => set(type, { autoPrint: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    w={80}
                    min={1}
                    max={5}
                    readOnly={!canEdit}
                    aria-label={t('ui.printing.settings.copies')}
                    value={s.copies}
                    onChange={(v) => set(type, { copies: Math.min(5, Math.max(1, Number(v) || 1)) })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('ui.printing.settings.hint')}
      </Text>
      {canEdit ? (
        <Button onClick={() => void save()} loading={busy} maw={160}>
          {t('ui.common.save')}
        </Button>
      ) : null}
    </Stack>
  );
}
