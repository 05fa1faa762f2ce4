import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { ShopSettings } from '../../../shared/shop/schemas';
import type { Locale } from '../../../shared/i18n/types';
import { api } from '../api/client';
import { useCall } from '../data/calls';
import { isManager, useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { currencyName, localeOptions, timeZoneOptions } from '../components/options';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { useFormSubmit } from '../hooks/useFormSubmit';
import { parsePercentBp } from '../../../shared/money';

type HostInfo = { listening: string | null; lanAddresses: string[] };

/** Shop profile and operating settings; read-only for staff who are not managers. */
export function ShopSettingsPanel() {
  const { t, locale } = useI18n();
  const zones = useMemo(() => timeZoneOptions(locale), [locale]);
  const { toast } = useErrorToast();
  const { user, shop, refreshShop } = useSession();
  const canEdit = isManager(user);
  // Enrolled: head office manages these settings (core refuses changes); they show read-only.
  const hq = shop?.settings.enrolled === true;
  const canEditHq = canEdit && !hq;
  const hqHint = hq ? t('ui.settings.managedByHq') : undefined;
  const [form, setForm] = useState<ShopSettings | null>(shop?.settings ?? null);
  const { errors, busy, submit } = useFormSubmit();
  // The host rebinds a moment after LAN access changes (on the shop.updated event): asked again
  // every 300 ms until what it listens on matches the saved setting.
  const lanOn = shop?.settings.lanAccess === true;
  const rebinding = (h: HostInfo | undefined) => h !== undefined && api.transport === 'ipc' && lanOn !== (h.listening !== null);
  const host: HostInfo | null = useCall('system.info', {}, { refetchInterval: (i) => (rebinding(i?.host) ? 300 : undefined) }).data?.host ?? null;
  useEffect(() => {
    if (shop) setForm(shop.settings);
  }, [shop]);

  if (!form) return <Text c="dimmed">{t('ui.common.loading')}</Text>;

  const text = (k: 'name' | 'address' | 'phone' | 'hotline') => ({
    value: form[k],
    error: errors[k],
    readOnly: !canEditHq,
    description: hqHint,
    'data-hq-managed': hq || undefined,
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value }),
  });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await submit(async () => {
      const { name, address, phone, hotline, hours, timeZone, language, taxRateBp, sessionIdleMinutes, lanAccess } = form;
      // Enrolled: only the shop's own settings are sent (head office's are read-only here).
      await api.call('shop.update', hq ? { language, lanAccess, hours } : { name, address, phone, hotline, hours, timeZone, language, taxRateBp, sessionIdleMinutes, lanAccess });
      await refreshShop();
      showSuccessToast(t('ui.settings.saved'));
    });
  };

  return (
    <form onSubmit={save} noValidate>
      <Stack maw={720}>
        {!canEdit ? <Alert color="gray">{t('ui.settings.readOnly')}</Alert> : null}
        {hq ? (
          <Alert color="blue" data-testid="settings-hq-managed">
            {t('ui.settings.hqManagedNote')}
          </Alert>
        ) : null}
        <SimpleGrid cols={2}>
          <TextInput label={t('ui.shop.name')} {...text('name')} />
          <TextInput label={t('ui.shop.code')} value={form.code} readOnly description={hqHint ?? t('ui.settings.codeFixed')} />
        </SimpleGrid>
        <TextInput label={t('ui.shop.address')} {...text('address')} />
        <SimpleGrid cols={2}>
          <TextInput label={t('ui.shop.phone')} {...text('phone')} />
          <TextInput label={t('ui.shop.hotline')} {...text('hotline')} />
          {/* the shop's own, also when enrolled */}
          <TextInput
            label={t('ui.shop.hours')}
            description={t('ui.shop.hoursHint')}
            value={form.hours}
            readOnly={!canEdit}
            error={errors.hours}
            onChange={(e) => setForm({ ...form, hours: e.currentTarget.value })}
          />
          <Select
            label={t('ui.shop.timeZone')}
            data={zones}
            searchable
            allowDeselect={false}
            readOnly={!canEditHq}
            description={hqHint}
            value={form.timeZone}
            error={errors.timeZone}
            onChange={(v) => v && setForm({ ...form, timeZone: v })}
          />
          <Select
            label={t('ui.shop.language')}
            description={t('ui.settings.languageHint')}
            data={localeOptions(t)}
            allowDeselect={false}
            readOnly={!canEdit}
            value={form.language}
            error={errors.language}
            onChange={(v) => v && setForm({ ...form, language: v as Locale })}
          />
          <NumberInput
            label={t('ui.settings.taxRate')}
            description={hqHint ?? t('ui.settings.taxRateHint')}
            suffix=" %"
            min={0}
            max={100}
            decimalScale={2}
            readOnly={!canEditHq}
            value={form.taxRateBp / 100}
            error={errors.taxRateBp}
            onChange={(v) => setForm({ ...form, taxRateBp: parsePercentBp(v) ?? 0 })}
          />
          <NumberInput
            label={t('ui.settings.idleMinutes')}
            description={hqHint ?? t('ui.settings.idleMinutesHint')}
            min={5}
            max={1440}
            allowDecimal={false}
            readOnly={!canEditHq}
            value={form.sessionIdleMinutes}
            error={errors.sessionIdleMinutes}
            onChange={(v) => setForm({ ...form, sessionIdleMinutes: Number(v || 0) })}
          />
          <TextInput label={t('ui.shop.currency')} value={currencyName(form.currency, locale)} readOnly description={hqHint} />
        </SimpleGrid>
        <Paper withBorder p="md">
          <Switch
            label={t('ui.settings.lanAccess')}
            description={t('ui.settings.lanAccessHint')}
            checked={form.lanAccess}
            disabled={!canEdit}
            onChange={(e) => setForm({ ...form, lanAccess: e.currentTarget.checked })}
          />
          {shop?.settings.lanAccess ? (
            <Stack gap={4} mt="sm">
              <Text size="sm" fw={600}>
                {t('ui.settings.lanAddresses')}
              </Text>
              {host && host.lanAddresses.length > 0 ? (
                <List size="sm">
                  {host.lanAddresses.map((a) => (
                    <List.Item key={a}>
                      {/* Text, not a link: another PC's browser opens it; this window must not navigate away. */}
                      <Code>{a}</Code>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {host?.listening ? t('ui.settings.noLanAddress') : t('ui.settings.noHost')}
                </Text>
              )}
            </Stack>
          ) : null}
        </Paper>
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('ui.common.save')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
