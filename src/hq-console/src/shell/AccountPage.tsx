import { Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { changePasswordSchema } from '../../../shared/hq-console/contract';
import { useConsoleMutation } from '../data';
import { useSchemaForm } from '../form';
import { formatInstant, useI18n } from '../i18n';
import { useMe } from './me';

/** The person's own password; their other sessions end when it changes. */
export function AccountPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const change = useConsoleMutation('auth.changePassword');
  const { form, refused } = useSchemaForm({ current: '', next: '' }, changePasswordSchema);
  const submit = form.onSubmit((values) =>
    change.mutate(values, { onSuccess: () => (form.reset(), notifications.show({ message: t('ui.hq.account.changed') })), onError: (e) => void refused(e) }),
  );
  return (
    <Stack maw={420}>
      <Title order={2}>{t('ui.hq.section.account')}</Title>
      {me.expiresAt ? <Text size="sm" c="dimmed">{t('ui.hq.account.expires', { at: formatInstant(me.expiresAt, locale) })}</Text> : null}
      <form onSubmit={submit} noValidate>
        <Stack>
          <PasswordInput label={t('ui.user.currentPassword')} autoComplete="current-password" {...form.getInputProps('current')} />
          <PasswordInput label={t('ui.user.newPassword')} description={t('ui.hq.users.passwordHint')} autoComplete="new-password" {...form.getInputProps('next')} />
          <Button type="submit" loading={change.isPending}>
            {t('ui.hq.account.change')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
