import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Modal, Paper, PasswordInput, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import type { BackupRecord } from '../../../shared/backup/schemas';
import { isManager, useSession } from '../app/session';
import { fieldErrorsOf, showSuccessToast, type FieldErrors } from '../components/errors';
import { useCall, useCallMutation } from '../data/calls';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';
import { api } from '../api/client';
import { formatBytes } from './format';

const RESULT_COLOR: Record<BackupRecord['result'], string> = { ok: 'green', failed: 'red', rotated: 'gray', running: 'blue' };

/**
 * Settings → Backups (managers and admins): the folder and schedule, "back up now", the recent
 * backups with time, size and result, restore from one of them or from a file, and the
 * recovery key shown once when backups are first set up.
 */
export function BackupsPanel() {
  const { user } = useSession();
  const { t } = useI18n();
  if (!isManager(user)) return <Text c="dimmed">{t('ui.backup.managersOnly')}</Text>;
  return <BackupsManager />;
}

function BackupsManager() {
  const { t, locale, colon } = useI18n();
  const { toast } = useErrorToast();
  const { shop, signOut } = useSession();
  const tz = shop?.settings.timeZone;
  const when = (iso: string | null) => (iso ? formatInstant(iso, locale, tz) : t('ui.backup.never'));
  const status = useCall('backup.status', {}, { refetchInterval: 30_000 });
  const s = status.data;

  const [dir, setDir] = useState('');
  const [daily, setDaily] = useState(true);
  const [afterClose, setAfterClose] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  useEffect(() => {
    if (!s) return;
    setDir(s.dir ?? '');
    setDaily(s.daily);
    setAfterClose(s.afterClose);
  }, [s?.dir, s?.daily, s?.afterClose]); // eslint-disable-line react-hooks/exhaustive-deps

  const configure = useCallMutation('backup.configure', {
    onSuccess: (r) => {
      setErrors({});
      if (r.recoveryKey) setRecoveryKey(r.recoveryKey);
      else showSuccessToast(t('ui.backup.saved'));
    },
  });
  // backup.run and backup.restore are long calls, not cached answers: each press runs once.
  const [running, setRunning] = useState(false);
  const runNow = async () => {
    setRunning(true);
    try {
      const rec = await api.call('backup.run', {});
      showSuccessToast(t('ui.backup.ran', { size: formatBytes(rec.sizeBytes ?? 0, locale) }));
    } catch (e) {
      toast(e);
    } finally {
      setRunning(false);
      await status.refetch();
    }
  };

  const [restoreOf, setRestoreOf] = useState<{ file: string; at: string | null; recoveryKey?: string } | null>(null);
  const [file, setFile] = useState('');
  const [fileKey, setFileKey] = useState('');

  if (!s) return <Text c="dimmed">{t('ui.common.loading')}</Text>;

  const save = () =>
    configure.mutate(
      { dir: dir.trim(), daily, afterClose },
      {
        onError: (e) => {
          setErrors(fieldErrorsOf(e));
          toast(e);
        },
      },
    );

  return (
    <Stack maw={900} data-testid="backups-panel">
      <Text size="sm" c="dimmed">
        {t('ui.backup.intro')}
      </Text>
      {s.alert !== 'none' ? (
        <Alert color={s.alert === 'failed' ? 'red' : 'orange'} data-testid="backup-panel-alert">
          {s.alertMessage}
        </Alert>
      ) : null}

      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput
            label={t('ui.backup.folder')}
            description={t('ui.backup.folderHint')}
            value={dir}
            onChange={(e) => setDir(e.currentTarget.value)}
            error={errors.dir}
            data-testid="backup-dir"
          />
          <Group>
            <Switch label={t('ui.backup.daily')} checked={daily} onChange={(e) => setDaily(e.currentTarget.checked)} />
            <Switch label={t('ui.backup.afterClose')} checked={afterClose} onChange={(e) => setAfterClose(e.currentTarget.checked)} />
          </Group>
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="backup-key-created">
              {s.keyCreatedAt ? t('ui.backup.key.created', { at: when(s.keyCreatedAt) }) : t('ui.backup.key.none')}
            </Text>
            <Group>
              <Button variant="default" onClick={save} loading={configure.isPending} disabled={!dir.trim()} data-testid="backup-save">
                {t('ui.backup.save')}
              </Button>
              <Button onClick={() => void runNow()} loading={running} disabled={!s.dir} data-testid="backup-run">
                {t('ui.backup.runNow')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>

      <Title order={4}>{t('ui.backup.list')}</Title>
      <Text size="sm">
        {t('ui.backup.lastOk')}{colon}<b data-testid="backup-last-ok">{when(s.lastOk?.startedAt ?? null)}</b>
      </Text>
      {s.backups.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('ui.backup.none')}
        </Text>
      ) : (
        <Table striped withTableBorder data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ui.backup.col.time')}</Table.Th>
              <Table.Th>{t('ui.backup.col.trigger')}</Table.Th>
              <Table.Th ta="right">{t('ui.backup.col.size')}</Table.Th>
              <Table.Th ta="right">{t('ui.backup.col.duration')}</Table.Th>
              <Table.Th>{t('ui.backup.col.result')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.backups.map((b) => (
              <Table.Tr key={b.id} data-testid="backup-row" data-result={b.result}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(b.startedAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`ui.backup.trigger.${b.trigger}`)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{b.sizeBytes === null ? '—' : formatBytes(b.sizeBytes, locale)}</Table.Td>
                <Table.Td ta="right">{b.durationMs === null ? '—' : `${(b.durationMs / 1000).toLocaleString(locale, { maximumFractionDigits: 1 })} s`}</Table.Td>
                <Table.Td>
                  <Badge color={RESULT_COLOR[b.result]} variant="light">
                    {t(`ui.backup.result.${b.result}`)}
                  </Badge>
                  {b.error ? (
                    <Text size="xs" c="red">
                      {t(b.error.key, b.error.params)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {b.result === 'ok' && b.file ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRestoreOf({ file: b.file!, at: b.startedAt })} data-testid="backup-restore">
                      {t('ui.backup.restore')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={600}>{t('ui.backup.restoreFile')}</Text>
          <Text size="xs" c="dimmed">
            {t('ui.backup.restoreFileHint')}
          </Text>
          <Group align="flex-end">
            <TextInput style={{ flex: 1 }} label={t('ui.backup.filePath')} value={file} onChange={(e) => setFile(e.currentTarget.value)} data-testid="backup-file" />
            <PasswordInput w={300} label={t('ui.backup.recoveryKeyInput')} value={fileKey} onChange={(e) => setFileKey(e.currentTarget.value)} data-testid="backup-file-key" />
            <Button variant="default" color="red" disabled={!file.trim()} onClick={() => setRestoreOf({ file: file.trim(), at: null, recoveryKey: fileKey.trim() || undefined })}>
              {t('ui.backup.restore')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <RestoreModal target={restoreOf} onClose={() => setRestoreOf(null)} when={when} onRestored={() => void signOut()} />
      <RecoveryKeyModal recoveryKey={recoveryKey} onClose={() => setRecoveryKey(null)} />
    </Stack>
  );
}

/** The confirmation a restore needs: what is replaced, what is kept aside, and who signs in again. */
function RestoreModal({ target, onClose, when, onRestored }: { target: { file: string; at: string | null; recoveryKey?: string } | null; onClose(): void; when(iso: string | null): string; onRestored(): void }) {
  const { t } = useI18n();
  const { toast } = useErrorToast();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setUnderstood(false), [target]);
  const restore = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const r = await api.call('backup.restore', { file: target.file, ...(target.recoveryKey ? { recoveryKey: target.recoveryKey } : {}) });
      showSuccessToast(t('ui.backup.restored', { when: when(r.createdAt), aside: r.keptAside }));
      onClose();
      onRestored(); // the restored database holds the sessions of its own time: sign in again
    } catch (e) {
      toast(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('ui.backup.confirmTitle')} size="lg">
      {target ? (
        <Stack data-testid="backup-restore-confirm">
          <Text size="sm">{t('ui.backup.confirmBody', { when: target.at ? when(target.at) : target.file })}</Text>
          <Text size="xs" c="dimmed">
            {t('ui.backup.confirmFile', { file: target.file })}
          </Text>
          <Checkbox label={t('ui.backup.confirmCheck')} checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} data-testid="backup-restore-understood" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button color="red" disabled={!understood} loading={busy} onClick={() => void restore()} data-testid="backup-restore-go">
              {t('ui.backup.confirmRestore')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

/** The recovery key, shown once: it cannot be closed before the manager says it is written down. */
function RecoveryKeyModal({ recoveryKey, onClose }: { recoveryKey: string | null; onClose(): void }) {
  const { t } = useI18n();
  const [noted, setNoted] = useState(false);
  useEffect(() => setNoted(false), [recoveryKey]);
  return (
    <Modal opened={recoveryKey !== null} onClose={() => noted && onClose()} withCloseButton={false} closeOnClickOutside={false} closeOnEscape={false} title={t('ui.backup.key.title')} size="lg">
      {recoveryKey ? (
        <Stack data-testid="backup-recovery-key">
          <Text size="sm">{t('ui.backup.key.body')}</Text>
          <Code block fz="md" ta="center" style={{ whiteSpace: 'normal', wordBreak: 'normal', overflowWrap: 'anywhere' }} data-testid="backup-recovery-key-value">
            {recoveryKey}
          </Code>
          <Group justify="space-between">
            <CopyButton value={recoveryKey}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('ui.backup.key.copied') : t('ui.backup.key.copy')}</Button>}</CopyButton>
            <Group>
              <Checkbox label={t('ui.backup.key.confirm')} checked={noted} onChange={(e) => setNoted(e.currentTarget.checked)} data-testid="backup-key-noted" />
              <Button disabled={!noted} onClick={onClose} data-testid="backup-key-done">
                {t('ui.backup.key.done')}
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
