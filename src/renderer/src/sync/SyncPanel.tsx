import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { api } from '../api/client';
import { callKey, useCall, useInvalidateAfter } from '../data/calls';
import { isManager, useSession } from '../app/session';
import { fieldErrorsOf, showSuccessToast, type FieldErrors } from '../components/errors';
import { KeyValueTable } from '../components/KeyValueTable';
import { useI18n, useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { formatInstant } from '../i18n/format';

/** Settings → Head office: sync status, Sync now, the interval, and (admin) the enrollment form. */
export function SyncPanel() {
  const t = useT();
  const { locale } = useI18n();
  const { toast } = useErrorToast();
  const { user, shop, refreshShop } = useSession();
  // Refetched on each sync event (the event map) and every 15 s besides: a run the timer started shows.
  const status = useCall('sync.status', {}, { refetchInterval: 15_000 }).data;
  const client = useQueryClient();
  const setStatus = (s: NonNullable<typeof status>) => client.setQueryData(callKey('sync.status', {}), s);
  const invalidate = useInvalidateAfter();
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const tz = shop?.settings.timeZone;
  const when = (iso: string | null) => (iso ? formatInstant(iso, locale, tz) : t('ui.sync.never'));


  if (!status) return <Text c="dimmed">{t('ui.common.loading')}</Text>;

  const syncNow = async () => {
    setBusy(true);
    try {
      setStatus(await api.call('sync.now', {}));
    } catch (e) {
      toast(e);
    } finally {
      setBusy(false);
    }
  };

  const enroll = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      setStatus(await api.call('sync.enroll', { url: url.trim(), code: code.trim() }));
      setCode('');
      await refreshShop();
      showSuccessToast(t('ui.sync.enrolled'));
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      toast(err);
    } finally {
      setBusy(false);
    }
  };

  const setInterval_ = async (minutes: number) => {
    try {
      await api.call('shop.update', { syncIntervalMinutes: minutes });
      await refreshShop();
      await invalidate('sync.now');
    } catch (e) {
      toast(e);
    }
  };

  const rows: [string, React.ReactNode][] = [
    [t('ui.sync.state'), status.enrolled ? <Badge color="green">{t('ui.sync.enrolledBadge')}</Badge> : <Badge color="gray">{t('ui.sync.notEnrolled')}</Badge>],
    [t('ui.sync.url'), status.url ?? '—'],
    [t('ui.sync.lastSuccess'), when(status.lastSuccessAt)],
    [t('ui.sync.waiting'), <span data-testid="sync-waiting">{status.waiting.toLocaleString(locale)}</span>],
    [t('ui.sync.nextAttempt'), status.enrolled ? when(status.nextAttemptAt) : '—'],
  ];
  const reenroll = status.lastError && ['TOKEN_REVOKED', 'UNAUTHENTICATED'].includes(status.lastError.code);

  return (
    <Stack maw={720}>
      <KeyValueTable rows={rows} testId="sync-status" />
      {status.lastError ? (
        <Alert color="orange" title={t('ui.sync.lastError', { at: when(status.lastError.at) })} data-testid="sync-error">
          {status.lastError.message}
        </Alert>
      ) : null}
      {status.enrolled ? (
        <Group>
          <Button onClick={syncNow} loading={busy || status.running} data-testid="sync-now">
            {t('ui.sync.now')}
          </Button>
          {isManager(user) ? (
            <NumberInput
              label={t('ui.sync.interval')}
              min={1}
              max={1440}
              w={200}
              defaultValue={status.intervalMinutes}
              onBlur={(e) => {
                const n = Number(e.currentTarget.value);
                if (Number.isInteger(n) && n >= 1 && n !== status.intervalMinutes) void setInterval_(n);
              }}
            />
          ) : null}
        </Group>
      ) : null}
      {user?.role === 'admin' && (!status.enrolled || reenroll) ? (
        <Paper withBorder p="md" component="form" onSubmit={enroll}>
          <Stack>
            <Title order={4}>{t('ui.sync.enrollTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('ui.sync.enrollHint')}
            </Text>
            <TextInput label={t('ui.sync.url')} placeholder="https://hq.example.com" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} required />
            <TextInput label={t('ui.sync.code')} placeholder="XXXX-XXXX-XXXX" value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} required />
            <Group>
              <Button type="submit" loading={busy} data-testid="sync-enroll">
                {t('ui.sync.enroll')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
