import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Group, PasswordInput, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { SessionInfo } from '../../../shared/auth/schemas';
import type { Role } from '../../../shared/api/roles';
import { RemoteError } from '../../../shared/api/remote-error';
import { api } from '../api/client';
import { useCall } from '../data/calls';
import { AuthFrame } from '../components/AuthFrame';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { PinPad } from './PinPad';

interface SwitchUser {
  username: string;
  displayName: string;
  role: Role;
}

/** Quick switch on a shared counter PC: pick yourself, type your PIN (keypad or keyboard), Enter. */
export function PinSwitchScreen({ shopName, onSignedIn, onPassword }: { shopName: string | null; onSignedIn(s: SessionInfo): void; onPassword(): void }) {
  const t = useT();
  const { message } = useErrorToast();
  const [picked, setPicked] = useState<SwitchUser | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  // A tab that may not switch (no station) is told why, in the alert below, instead of a toast.
  const list = useCall('auth.switchList', {}, { silent: true });
  const users: SwitchUser[] | null = list.data ?? (list.error ? [] : null);
  const shownError = error ?? (list.error ? message(list.error) : null);

  useEffect(() => {
    if (picked) pinRef.current?.focus();
  }, [picked]);

  // A letter moves to the next account whose user name starts with it (as in a file list), so
  // nobody tabs through the whole staff to find themselves; Enter or Space then picks it. On the
  // window, so a letter typed while the list is still coming (nothing focused yet) is not lost.
  const hasUsers = !!users?.length;
  // The letter typed before the list came, applied once its buttons are there.
  const early = useRef<string | null>(null);
  useEffect(() => {
    if (picked) return;
    const focusNext = (letter: string) => {
      const buttons = [...document.querySelectorAll<HTMLElement>('[data-username]')];
      const from = buttons.indexOf(document.activeElement as HTMLElement);
      const next = [...buttons.slice(from + 1), ...buttons.slice(0, from + 1)].find((b) => b.dataset.username?.toLowerCase().startsWith(letter));
      next?.focus();
      return !!next;
    };
    if (hasUsers && early.current) focusNext(early.current);
    early.current = null;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey || e.target instanceof HTMLInputElement) return;
      const letter = e.key.toLowerCase();
      if (!hasUsers) (early.current = letter, e.preventDefault());
      else if (focusNext(letter)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picked, hasUsers]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!picked || pin.length < 4) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.call('auth.pinSwitch', { username: picked.username, pin }));
    } catch (err) {
      // The backend says "wrong user name or password" for PINs too; here only the PIN can be wrong.
      setError(err instanceof RemoteError && err.code === 'BAD_CREDENTIALS' ? t('ui.pin.wrong') : message(err));
      setPin('');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('ui.pin.title')} subtitle={shopName} width={picked ? 360 : 520}>
      {shownError ? (
        <Alert color="red" role="alert" data-testid="pin-error">
          {shownError}
        </Alert>
      ) : null}
      {!picked ? (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('ui.pin.pickUser')} · {t('ui.pin.typeAhead')}
          </Text>
          {/* A tab that is no station (no password sign-in here today) is told so by the error above. */}
          {users && users.length === 0 && !shownError ? <Text>{t('ui.pin.noUsers')}</Text> : null}
          <SimpleGrid cols={2}>
            {(users ?? []).map((u, i) => (
              <UnstyledButton
                data-username={u.username}
                key={u.username}
                onClick={() => setPicked(u)}
                autoFocus={i === 0}
                p="sm"
                style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
                data-testid={`pin-user-${u.username}`}
              >
                <Text fw={600}>{u.displayName}</Text>
                <Group gap={6}>
                  <Text size="xs" c="dimmed">
                    {u.username}
                  </Text>
                  <Badge size="xs" variant="light">
                    {t(`role.${u.role}`)}
                  </Badge>
                </Group>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between">
              <Text fw={600}>{picked.displayName}</Text>
              <Anchor component="button" type="button" size="sm" onClick={() => (setPicked(null), setPin(''), setError(null))}>
                {t('ui.pin.otherUser')}
              </Anchor>
            </Group>
            <PasswordInput
              ref={pinRef}
              label={t('ui.user.pin')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
              styles={{ input: { letterSpacing: 6, fontSize: 22, textAlign: 'center' } }}
            />
            <PinPad
              disabled={busy}
              onDigit={(d) => pin.length < 8 && setPin(pin + d)}
              onBackspace={() => setPin(pin.slice(0, -1))}
              busy={busy}
            />
          </Stack>
        </form>
      )}
      <Anchor component="button" type="button" size="sm" onClick={onPassword} ta="center">
        {t('ui.pin.usePassword')}
      </Anchor>
    </AuthFrame>
  );
}
