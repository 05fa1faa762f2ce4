import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Group, PasswordInput, Select, SimpleGrid, Stepper, TextInput } from '@mantine/core';
import type { SessionInfo } from '../../../shared/auth/schemas';
import type { Locale } from '../../../shared/i18n/types';
import { api } from '../api/client';
import { AuthFrame } from '../components/AuthFrame';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { CURRENCIES, localeOptions, timeZoneOptions } from '../components/options';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

interface ShopForm {
  name: string;
  code: string;
  address: string;
  phone: string;
  hotline: string;
  timeZone: string;
  currency: string;
  language: Locale;
}
interface AdminForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  pin: string;
}

/** First run: the shop, then its admin; one setup.run call creates both and signs the admin in. */
export function SetupWizard({ onDone }: { onDone(session: SessionInfo): void }) {
  const { t, locale, setLocale } = useI18n();
  const zones = useMemo(() => timeZoneOptions(locale), [locale]);
  const { toast } = useErrorToast();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shop, setShop] = useState<ShopForm>({
    name: '',
    code: '',
    address: '',
    phone: '',
    hotline: '',
    timeZone: 'Asia/Shanghai',
    currency: 'CNY',
    language: locale,
  });
  const firstShopField = useRef<HTMLInputElement>(null);
  const firstAdminField = useRef<HTMLInputElement>(null);
  // Each step starts with the cursor in its first field (autoFocus alone loses to the Stepper's own focus handling).
  useEffect(() => {
    const id = setTimeout(() => (step === 0 ? firstShopField : firstAdminField).current?.focus(), 0);
    return () => clearTimeout(id);
  }, [step]);
  const [admin, setAdmin] = useState<AdminForm>({ username: 'admin', displayName: '', password: '', confirm: '', pin: '' });

  const shopField = (k: keyof ShopForm) => ({
    value: shop[k],
    error: errors[`shop.${k}`],
    onChange: (e: { currentTarget: { value: string } }) => setShop({ ...shop, [k]: e.currentTarget.value }),
  });
  const adminField = (k: keyof AdminForm) => ({
    value: admin[k],
    error: errors[`admin.${k}`],
    onChange: (e: { currentTarget: { value: string } }) => setAdmin({ ...admin, [k]: e.currentTarget.value }),
  });

  // Checks what the browser can tell alone; everything else the server says per field.
  const checkShop = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!shop.name.trim()) e['shop.name'] = t('ui.form.required');
    if (!shop.code.trim()) e['shop.code'] = t('ui.form.required');
    return e;
  };

  const nextStep = (ev: FormEvent) => {
    ev.preventDefault();
    const e = checkShop();
    // Server errors on the shop step are now stale; those of the admin step still stand.
    setErrors((prev) => ({ ...Object.fromEntries(Object.entries(prev).filter(([k]) => !k.startsWith('shop.'))), ...e }));
    if (Object.keys(e).length === 0) setStep(1);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: FieldErrors = {};
    if (!admin.displayName.trim()) e['admin.displayName'] = t('ui.form.required');
    if (admin.password !== admin.confirm) e['admin.confirm'] = t('ui.form.passwordMismatch');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const session = await api.call('setup.run', {
        shop,
        admin: {
          username: admin.username,
          displayName: admin.displayName,
          password: admin.password,
          ...(admin.pin ? { pin: admin.pin } : {}),
        },
      });
      onDone(session);
    } catch (err) {
      const fe = fieldErrorsOf(err);
      setErrors(fe);
      // Go back to where the first problem is, so it is seen.
      if (Object.keys(fe).some((p) => p.startsWith('shop.'))) setStep(0);
      toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('ui.setup.title')} subtitle={t('ui.setup.subtitle')} width={640}>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm">
        <Stepper.Step label={t('ui.setup.step.shop')} description={t('ui.setup.step.shopHint')}>
          <form onSubmit={nextStep} noValidate>
            <SimpleGrid cols={2} mt="md">
              <TextInput label={t('ui.shop.name')} placeholder={t('ui.shop.namePlaceholder')} required ref={firstShopField} {...shopField('name')} />
              <TextInput
                label={t('ui.shop.code')}
                description={t('ui.shop.codeHint')}
                placeholder="SH01"
                required
                {...shopField('code')}
                onChange={(e) => setShop({ ...shop, code: e.currentTarget.value.toUpperCase() })}
              />
            </SimpleGrid>
            <TextInput mt="sm" label={t('ui.shop.address')} {...shopField('address')} />
            <SimpleGrid cols={2} mt="sm">
              <TextInput label={t('ui.shop.phone')} {...shopField('phone')} />
              <TextInput label={t('ui.shop.hotline')} {...shopField('hotline')} />
            </SimpleGrid>
            <SimpleGrid cols={3} mt="sm">
              <Select
                label={t('ui.shop.timeZone')}
                data={zones}
                searchable
                allowDeselect={false}
                value={shop.timeZone}
                error={errors['shop.timeZone']}
                onChange={(v) => v && setShop({ ...shop, timeZone: v })}
              />
              <Select
                label={t('ui.shop.currency')}
                data={CURRENCIES}
                allowDeselect={false}
                value={shop.currency}
                error={errors['shop.currency']}
                onChange={(v) => v && setShop({ ...shop, currency: v })}
              />
              <Select
                label={t('ui.shop.language')}
                data={localeOptions(t)}
                allowDeselect={false}
                value={shop.language}
                error={errors['shop.language']}
                onChange={(v) => {
                  if (!v) return;
                  // The shop's language is also the obvious language for the rest of this wizard.
                  setShop({ ...shop, language: v as Locale });
                  setLocale(v as Locale);
                }}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="lg">
              <Button type="submit">{t('ui.common.next')}</Button>
            </Group>
          </form>
        </Stepper.Step>
        <Stepper.Step label={t('ui.setup.step.admin')} description={t('ui.setup.step.adminHint')}>
          <form onSubmit={submit} noValidate>
            <SimpleGrid cols={2} mt="md">
              <TextInput label={t('ui.user.username')} required ref={firstAdminField} {...adminField('username')} error={errors['admin.username'] ?? errors.username} />
              <TextInput label={t('ui.user.displayName')} placeholder={t('ui.user.displayNamePlaceholder')} required {...adminField('displayName')} />
              <PasswordInput label={t('ui.user.password')} description={t('ui.user.passwordHint')} required {...adminField('password')} />
              <PasswordInput label={t('ui.user.passwordConfirm')} required {...adminField('confirm')} />
              <TextInput
                label={t('ui.user.pin')}
                description={t('ui.user.pinHintOptional')}
                inputMode="numeric"
                maxLength={8}
                {...adminField('pin')}
              />
            </SimpleGrid>
            <Group justify="space-between" mt="lg">
              <Button variant="default" onClick={() => setStep(0)}>
                {t('ui.common.back')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('ui.setup.finish')}
              </Button>
            </Group>
          </form>
        </Stepper.Step>
      </Stepper>
    </AuthFrame>
  );
}
