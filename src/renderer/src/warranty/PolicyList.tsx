import { Fragment, useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { PolicyVersion } from '../../../shared/warranty/procedures';
import { RULE_KEYS, type CategoryPolicy, type PartRule } from '../../../shared/warranty/schemas';
import type { Locale } from '../../../shared/i18n/types';
import { api } from '../api/client';
import { useSession } from '../app/session';
import { useCall, useInvalidateAfter } from '../data/calls';
import { showSuccessToast } from '../components/errors';
import { useI18n, type TFunction } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { useErrorToast } from '../hooks/useErrorToast';
import { confidenceColor, periodText, ppmToPct, ruleValue, sourceColor } from './labels';
import { PolicyEditor } from './PolicyEditor';

function SourceCells({ s, t }: { s: PartRule['source']; t: TFunction }) {
  if (!s) return <Table.Td colSpan={4}>—</Table.Td>;
  return (
    <>
      <Table.Td>{t(`ui.warranty.regulation.${s.regulation}`)}</Table.Td>
      <Table.Td>{s.article}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 90 }}>
        <Badge size="sm" tt="none" variant="light" color={confidenceColor[s.confidence]} style={{ overflow: 'visible' }}>
          {t(`ui.warranty.confidence.${s.confidence}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {s.note ?? ''}
        </Text>
      </Table.Td>
    </>
  );
}

/** The rows of a policy with their regulation, article and confidence. */
function PolicyDetails({ p, t, locale }: { p: CategoryPolicy; t: TFunction; locale: Locale }) {
  const parts = (title: string, list: PartRule[]) =>
    list.map((part, i) => (
      <Table.Tr key={`${title}-${part.id}`}>
        <Table.Td>{i === 0 ? title : ''}</Table.Td>
        <Table.Td>
          {part.name[locale]} · {periodText(part.period, locale)}
        </Table.Td>
        <SourceCells s={part.source} t={t} />
      </Table.Tr>
    ));
  return (
    <Table withTableBorder fz="sm" data-testid={`policy-details-${p.id}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ui.warranty.rule')}</Table.Th>
          <Table.Th>{t('ui.warranty.value')}</Table.Th>
          <Table.Th>{t('ui.warranty.regulation')}</Table.Th>
          <Table.Th>{t('ui.warranty.article')}</Table.Th>
          <Table.Th>{t('ui.warranty.confidence')}</Table.Th>
          <Table.Th>{t('ui.warranty.note')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {RULE_KEYS.filter((k) => p.sources[k]).map((k) => (
          <Table.Tr key={k}>
            <Table.Td>{t(`ui.warranty.rule.${k}`)}</Table.Td>
            <Table.Td>{ruleValue(k, p, t, locale)}</Table.Td>
            <SourceCells s={p.sources[k]} t={t} />
          </Table.Tr>
        ))}
        {parts(t('ui.warranty.mainParts'), p.mainParts)}
        {parts(t('ui.warranty.accessories'), p.accessories)}
      </Table.Tbody>
    </Table>
  );
}

/** Every category policy, its active version and source; admins edit or reset to the preset. */
export function PolicyList() {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const { user, shop } = useSession();
  const admin = user.role === 'admin';
  const list = useCall('warranty.policies.list', {}).data ?? null;
  const invalidate = useInvalidateAfter();
  const [open, setOpen] = useState<string | null>(null);
  const [editing, setEditing] = useState<PolicyVersion | null>(null);


  const reset = async (p: PolicyVersion) => {
    if (!window.confirm(t('ui.warranty.resetConfirm'))) return;
    try {
      const r = await api.call('warranty.policies.resetToPreset', { id: p.id });
      showSuccessToast(t('ui.warranty.resetDone', { version: r.version }));
      await invalidate('warranty.policies.resetToPreset');
    } catch (err) {
      toast(err);
    }
  };

  if (!list) return <Text c="dimmed">{t('ui.common.loading')}</Text>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('ui.warranty.intro')}
      </Text>
      {!admin ? <Alert color="gray">{t('ui.warranty.adminOnly')}</Alert> : null}
      <Table striped highlightOnHover withTableBorder data-testid="policy-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ui.warranty.policy')}</Table.Th>
            <Table.Th>{t('ui.warranty.version')}</Table.Th>
            <Table.Th>{t('ui.warranty.unitPeriod')}</Table.Th>
            <Table.Th>{t('ui.warranty.windows')}</Table.Th>
            <Table.Th>{t('ui.warranty.depreciation')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((v) => (
            <Fragment key={v.id}>
              <Table.Tr data-testid={`policy-row-${v.id}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {v.policy.name[locale]}
                  </Text>
                  <Group gap={4} mt={2}>
                    <Badge size="xs" tt="none" variant="outline">
                      {t(`warranty.category.${v.category}`)}
                    </Badge>
                    <Badge size="xs" tt="none" variant="light" color={sourceColor[v.source]}>
                      {t(`ui.warranty.source.${v.source}`)}
                    </Badge>
                    {v.categoryDefault ? (
                      <Badge size="xs" tt="none" variant="light" color="teal">
                        {t('ui.warranty.default')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {/* a version is "<policy>/<n>": the number is what a manager compares */}
                  <Text size="sm" title={v.version}>
                    {/\/(\d+)$/.test(v.version) ? t('ui.warranty.versionNo', { n: Number(/\/(\d+)$/.exec(v.version)![1]) }) : v.version}
                  </Text>
                  {v.updatedBy ? (
                    <Text size="xs" c="dimmed">
                      {t('ui.warranty.updated', { at: formatInstant(v.updatedAt, locale, shop?.settings.timeZone), by: v.updatedBy })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{periodText(v.policy.unitPeriod, locale)}</Table.Td>
                <Table.Td>{t('ui.warranty.windowsValue', { ret: v.policy.returnDays, ex: v.policy.exchangeDays })}</Table.Td>
                <Table.Td>{t('ui.warranty.perDay', { rate: ppmToPct(v.policy.depreciationPpmPerDay) })}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === v.id ? null : v.id)}>
                      {t('ui.warranty.details')}
                    </Button>
                    {admin ? (
                      <Button size="compact-xs" variant="light" onClick={() => setEditing(v)}>
                        {t('ui.warranty.edit')}
                      </Button>
                    ) : null}
                    {admin && v.hasPreset && v.source !== 'preset' ? (
                      <Button size="compact-xs" variant="subtle" color="orange" onClick={() => void reset(v)}>
                        {t('ui.warranty.reset')}
                      </Button>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
              {open === v.id ? (
                <Table.Tr>
                  <Table.Td colSpan={6} p="sm">
                    <Title order={5} mb="xs">
                      {t('ui.warranty.details')}
                    </Title>
                    <PolicyDetails p={v.policy} t={t} locale={locale} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? (
        <PolicyEditor
          version={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            showSuccessToast(t('ui.warranty.saved', { version: saved.version }));
            void invalidate('warranty.policies.save');
          }}
        />
      ) : null}
    </Stack>
  );
}
