import { useState } from 'react';
import { Alert, Badge, Button, Divider, Group, Loader, Menu, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { programTermsSchema, type ProgramTerms } from '../../../../shared/warranty/schemas';
import { useConsole, useConsoleMutation } from '../../data';
import { formatInstant, useI18n } from '../../i18n';
import { draftErrors, publishedToast, useErrors } from '../draft';
import { WhatIfPreview } from '../policies/WhatIfPreview';
import { PROGRAM_KINDS, ProgramForm, newProgram, type ProgramDraft } from './ProgramForm';

/** The service programs head office offers: edit or create one, try it on a case under a policy, publish or withdraw it. */
export function ProgramsTab() {
  const { t, locale } = useI18n();
  const list = useConsole('publishing.programs.list', {});
  const policies = useConsole('publishing.policies.list', {});
  const publish = useConsoleMutation('publishing.programs.publish', ['publishing.programs.list']);
  const withdraw = useConsoleMutation('publishing.programs.withdraw', ['publishing.programs.list']);
  const [draft, setDraft] = useState<ProgramDraft | null>(null);
  const [isNew, setIsNew] = useState(true);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const { errors, setErrors, refused } = useErrors('program');
  if (list.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  const allPolicies = [...(policies.data?.published.map((p) => p.data) ?? []), ...(policies.data?.presets ?? []).filter((p) => !policies.data?.published.some((x) => x.id === p.id))];
  const policy = allPolicies.find((p) => p.id === policyId) ?? allPolicies.find((p) => p.category === 'phone') ?? null;
  const checked = draft ? programTermsSchema.safeParse(draft) : null;
  const open = (d: ProgramDraft, fresh: boolean) => (setDraft(d), setIsNew(fresh), setErrors({}));
  const send = () => {
    if (!draft) return;
    const found = draftErrors(programTermsSchema, draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    publish.mutate({ program: draft, title }, { onSuccess: () => (publishedToast(t), setTitle(''), setIsNew(false)), onError: refused });
  };
  return (
    <Stack data-testid="pub-programs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('ui.hq.pub.program.intro')}
        </Text>
        <Menu>
          <Menu.Target>
            <Button data-testid="pub-program-new">{t('ui.hq.pub.program.new')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {PROGRAM_KINDS.map((k) => (
              <Menu.Item key={k} onClick={() => open(newProgram(k), true)}>
                {t(`ui.hq.pub.program.kind.${k}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {list.data.published.length === 0 ? (
        <Text c="dimmed">{t('ui.hq.pub.program.empty')}</Text>
      ) : (
        <Table highlightOnHover data-testid="pub-programs-list">
          <Table.Tbody>
            {list.data.published.map((p) => (
              <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => open({ ...p.data, name: { 'zh-CN': p.data.name?.['zh-CN'] ?? '', en: p.data.name?.en ?? '' } }, false)}>
                <Table.Td ff="monospace">{p.id}</Table.Td>
                <Table.Td>{p.data.name?.[locale] ?? ''}</Table.Td>
                <Table.Td>
                  <Badge variant="light" tt="none">
                    {t(`ui.hq.pub.program.kind.${p.data.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {t('ui.hq.pub.lastPublished', { at: formatInstant(p.publishedAt, locale), change: p.change })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {draft ? (
        <>
          <Divider label={t(`ui.hq.pub.program.kind.${draft.kind}`)} labelPosition="left" />
          <ProgramForm draft={draft} set={setDraft} errors={errors} isNew={isNew} />
          <Select label={t('ui.hq.pub.program.policyForPreview')} data={allPolicies.map((p) => ({ value: p.id, label: `${p.name[locale]} (${p.id})` }))} value={policy?.id ?? null} onChange={setPolicyId} w={420} allowDeselect={false} />
          <WhatIfPreview policy={policy} programs={[]} fixedProgram={checked?.success ? (checked.data as ProgramTerms) : null} />
          <Group align="flex-end">
            <TextInput label={t('ui.hq.pub.title')} description={t('ui.hq.pub.titleHint')} value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} w={420} />
            <Button onClick={send} loading={publish.isPending} data-testid="pub-program-publish">
              {t('ui.hq.pub.publishAll')}
            </Button>
            {!isNew ? (
              <Button color="red" variant="light" loading={withdraw.isPending} onClick={() => withdraw.mutate({ id: draft.id, title }, { onSuccess: () => (publishedToast(t), setDraft(null)), onError: refused })}>
                {t('ui.hq.pub.program.withdraw')}
              </Button>
            ) : null}
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
