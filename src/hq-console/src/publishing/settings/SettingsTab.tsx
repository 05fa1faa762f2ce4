import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { hqShopSettingsSchema } from '../../../../shared/sync/kinds';
import type { HqShopSettings } from '../../../../shared/hq-console/publishing-settings';
import { useConsole, useConsoleMutation } from '../../data';
import { formatInstant, useI18n } from '../../i18n';
import { draftErrors, publishedToast, useErrors } from '../draft';
import { ShopPicker } from '../ShopPicker';

type TextKey = 'name' | 'address' | 'phone' | 'hotline' | 'timeZone' | 'currency';
const TEXTS: { k: TextKey; label: string }[] = [
  { k: 'name', label: 'ui.shop.name' },
  { k: 'address', label: 'ui.shop.address' },
  { k: 'phone', label: 'ui.shop.phone' },
  { k: 'hotline', label: 'ui.shop.hotline' },
  { k: 'timeZone', label: 'ui.shop.timeZone' },
  { k: 'currency', label: 'ui.shop.currency' },
];

/** The settings head office manages for one shop; a field left empty is not published (the shop keeps what it has). */
export function SettingsTab() {
  const { t, locale } = useI18n();
  const [shopId, setShopId] = useState<string | null>(null);
  const state = useConsole('publishing.settings.get', { shopId: shopId ?? '' }, { enabled: shopId !== null });
  const publish = useConsoleMutation('publishing.settings.publish', ['publishing.settings.get']);
  const [draft, setDraft] = useState<HqShopSettings>({});
  const { errors, setErrors, refused } = useErrors('settings');
  const published = state.data?.published ?? null;
  const atShop = state.data?.atShop ?? {};
  const shopHas = (v: string | number | undefined) => (v === undefined || v === '' ? undefined : t('ui.hq.pub.settings.atShop', { value: v }));
  useEffect(() => setDraft(published?.data ?? {}), [published]);
  const put = <K extends keyof HqShopSettings>(k: K, v: HqShopSettings[K] | undefined) => setDraft((d) => {
    const next = { ...d };
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
    return next;
  });
  const send = () => {
    if (!shopId) return;
    const found = draftErrors(hqShopSettingsSchema, draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    publish.mutate({ shopId, settings: draft }, { onSuccess: () => publishedToast(t), onError: refused });
  };
  return (
    <Stack data-testid="pub-settings">
      <Text size="sm" c="dimmed">
        {t('ui.hq.pub.settings.intro')}
      </Text>
      <Group align="flex-end">
        <ShopPicker value={shopId} onChange={(v) => (setShopId(v), setErrors({}))} />
        {shopId && state.data ? (
          <Badge variant="light" color={published ? 'teal' : 'gray'} tt="none">
            {published ? t('ui.hq.pub.lastPublished', { at: formatInstant(published.publishedAt, locale), change: published.change }) : t('ui.hq.pub.settings.never')}
          </Badge>
        ) : null}
      </Group>
      {state.isError ? <Alert color="red">{state.error.message}</Alert> : null}
      {shopId && state.data ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {TEXTS.map(({ k, label }) => (
              <TextInput key={k} label={t(label)} value={draft[k] ?? ''} placeholder={shopHas(atShop[k])} error={errors[k]} data-testid={`pub-setting-${k}`} onChange={(e) => put(k, e.currentTarget.value)} />
            ))}
            <NumberInput
              label={t('ui.hq.pub.settings.taxPct')}
              min={0}
              max={100}
              decimalScale={2}
              value={draft.taxRateBp === undefined ? '' : draft.taxRateBp / 100}
              placeholder={shopHas(atShop.taxRateBp === undefined ? undefined : atShop.taxRateBp / 100)}
              error={errors.taxRateBp}
              onChange={(v) => put('taxRateBp', v === '' ? undefined : Math.round(Number(v) * 100))}
            />
            <NumberInput label={t('ui.settings.idleMinutes')} description={t('ui.settings.idleMinutesHint')} min={5} max={1440} clampBehavior="none" allowDecimal={false} placeholder={shopHas(atShop.sessionIdleMinutes)} value={draft.sessionIdleMinutes ?? ''} error={errors.sessionIdleMinutes} onChange={(v) => put('sessionIdleMinutes', v === '' ? undefined : Number(v))} />
          </SimpleGrid>
          <Checkbox
            label={t('ui.settings.pricesIncludeTax')}
            indeterminate={draft.pricesIncludeTax === undefined}
            checked={draft.pricesIncludeTax === true}
            onChange={(e) => put('pricesIncludeTax', e.currentTarget.checked)}
          />
          <Group>
            <Button onClick={send} loading={publish.isPending} data-testid="pub-settings-publish">
              {t('ui.hq.pub.publishShop')}
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
