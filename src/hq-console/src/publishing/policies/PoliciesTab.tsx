import { useState } from 'react';
import { Alert, Badge, Button, Divider, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { categoryPolicySchema, type CategoryPolicy, type CategoryPolicyInput } from '../../../../shared/warranty/schemas';
import { useConsole, useConsoleMutation } from '../../data';
import { formatInstant, useI18n } from '../../i18n';
import { draftErrors, publishedToast, useErrors } from '../draft';
import { PolicyForm } from './PolicyForm';
import { WhatIfPreview } from './WhatIfPreview';

/**
 * The network's 三包 policies: pick a published one (or a national preset to start from), edit it,
 * try it on a case with the what-if preview, publish it to every shop as a new version.
 */
export function PoliciesTab() {
  const { t, locale } = useI18n();
  const list = useConsole('publishing.policies.list', {});
  const programs = useConsole('publishing.programs.list', {});
  const publish = useConsoleMutation('publishing.policies.publish', ['publishing.policies.list']);
  const [picked, setPicked] = useState<string | null>(null);
  const [draft, setDraft] = useState<CategoryPolicyInput | null>(null);
  const [title, setTitle] = useState('');
  const { errors, setErrors, refused } = useErrors('policy');
  if (list.isPending) return <Loader aria-label={t('ui.common.loading')} />;
  if (list.isError) return <Alert color="red">{list.error.message}</Alert>;
  const published = list.data.published;
  const fromPreset = list.data.presets.filter((p) => !published.some((x) => x.id === p.id));
  const options = [
    { group: t('ui.hq.pub.policy.publishedGroup'), items: published.map((p) => ({ value: `hq:${p.id}`, label: `${p.data.name[locale]} (${p.id})` })) },
    { group: t('ui.hq.pub.policy.presetGroup'), items: fromPreset.map((p) => ({ value: `preset:${p.id}`, label: `${p.name[locale]} (${p.id})` })) },
  ].filter((g) => g.items.length > 0);
  const current = picked?.startsWith('hq:') ? published.find((p) => `hq:${p.id}` === picked) : undefined;
  const pick = (v: string | null) => {
    setPicked(v);
    setErrors({});
    const src: CategoryPolicy | undefined = v?.startsWith('hq:') ? published.find((p) => `hq:${p.id}` === v)?.data : list.data.presets.find((p) => `preset:${p.id}` === v);
    setDraft(src ? structuredClone(src) : null);
  };
  const send = () => {
    if (!draft) return;
    const found = draftErrors(categoryPolicySchema, { ...draft, version: 'draft' }, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const { version: _label, ...policy } = draft;
    publish.mutate(
      { policy, title },
      {
        onSuccess: (r) => {
          publishedToast(t);
          setTitle('');
          setPicked(`hq:${r.policy.id}`);
        },
        onError: refused,
      },
    );
  };
  return (
    <Stack data-testid="pub-policies">
      <Group align="flex-end">
        <Select label={t('ui.hq.pub.policy.pick')} placeholder={t('ui.hq.pub.policy.pickHint')} data={options} value={picked} onChange={pick} w={420} searchable data-testid="pub-policy-pick" />
        {picked ? (
          current ? (
            <Badge variant="light" color="teal" tt="none" data-testid="pub-policy-last">
              {t('ui.hq.pub.lastPublished', { at: formatInstant(current.publishedAt, locale), change: current.change })}
            </Badge>
          ) : (
            <Badge variant="light" color="gray" tt="none" data-testid="pub-policy-last">
              {t('ui.hq.pub.policy.notPublished')}
            </Badge>
          )
        ) : null}
      </Group>
      {draft ? (
        <>
          <PolicyForm policy={draft} set={setDraft} errors={errors} isNew={!current} />
          <Divider />
          <WhatIfPreview policy={draft} programs={programs.data?.published.map((p) => p.data) ?? []} />
          <Divider />
          <Group align="flex-end">
            <TextInput label={t('ui.hq.pub.title')} description={t('ui.hq.pub.titleHint')} value={title} maxLength={200} onChange={(e) => setTitle(e.currentTarget.value)} w={420} />
            <Button onClick={send} loading={publish.isPending} data-testid="pub-policy-publish">
              {t('ui.hq.pub.publishAll')}
            </Button>
          </Group>
        </>
      ) : (
        <Text c="dimmed">{t('ui.hq.pub.policy.none')}</Text>
      )}
    </Stack>
  );
}
