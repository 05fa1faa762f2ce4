import { useRef } from 'react';
import { Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import { RadioChips } from './KeyChoices';
import { PatternGrid } from './PatternGrid';
import type { PassKind } from './intakeForm';

interface Props {
  kind: PassKind | null;
  value: string;
  errors: Record<string, string>;
  onKind(k: PassKind): void;
  onValue(v: string): void;
}

const KINDS: { value: PassKind; hotkey: string }[] = [
  { value: 'pin', hotkey: 'p' },
  { value: 'password', hotkey: 'w' },
  { value: 'pattern', hotkey: 't' },
  { value: 'none', hotkey: 'n' },
  { value: 'declined', hotkey: 'd' },
];

/** Passcode: PIN or password typed, a pattern drawn or typed as dots 1–9, none, or declined. Stored encrypted. */
export function PasscodeField({ kind, value, errors, onKind, onValue }: Props) {
  const t = useT();
  // A kind picked by its hotkey is the counter's answer: the PIN, password or pattern is typed next,
  // so focus goes to the field that asks for it as soon as it exists (it mounts with the kind).
  const wantFocus = useRef(false);
  const input = useRef<HTMLInputElement | null>(null);
  const valueRef = (el: HTMLInputElement | null) => {
    input.current = el;
    if (el && wantFocus.current) {
      wantFocus.current = false;
      el.focus();
    }
  };
  const onHotkey = (k: string) => {
    if (k !== 'pin' && k !== 'password' && k !== 'pattern') return;
    if (k === kind && input.current) input.current.focus();
    else wantFocus.current = true;
  };
  return (
    <Stack gap={6}>
      <RadioChips
        label={t('ui.counter.passcode.title')}
        description={t('ui.counter.passcode.hint')}
        testId="passcode-kind"
        choices={KINDS.map((k) => ({ value: k.value, hotkey: k.hotkey, label: t(`tickets.passcode.${k.value}`) }))}
        value={kind}
        onHotkey={onHotkey}
        error={errors.passcode}
        onChange={(v) => {
          onKind(v as PassKind);
          onValue('');
        }}
      />
      {kind === 'pin' ? (
        <TextInput
          ref={valueRef}
          label={t('tickets.passcode.pin')}
          inputMode="numeric"
          autoComplete="off"
          maw={240}
          value={value}
          error={errors['passcode.value']}
          onChange={(e) => onValue(e.currentTarget.value.replace(/\D/g, ''))}
          data-testid="passcode-value"
        />
      ) : kind === 'password' ? (
        <PasswordInput
          ref={valueRef}
          label={t('tickets.passcode.password')}
          autoComplete="off"
          maw={320}
          value={value}
          error={errors['passcode.value']}
          onChange={(e) => onValue(e.currentTarget.value)}
          data-testid="passcode-value"
        />
      ) : kind === 'pattern' ? (
        <Group align="flex-start" gap="md">
          <PatternGrid value={value} onChange={onValue} label={t('tickets.passcode.pattern')} />
          <TextInput
            ref={valueRef}
            label={t('ui.counter.passcode.patternDigits')}
            description={t('ui.counter.passcode.patternHint')}
            inputMode="numeric"
            autoComplete="off"
            maw={220}
            value={value}
            error={errors['passcode.value']}
            onChange={(e) => onValue([...new Set(e.currentTarget.value.replace(/[^1-9]/g, ''))].join('').slice(0, 9))}
            data-testid="passcode-value"
          />
        </Group>
      ) : null}
    </Stack>
  );
}
