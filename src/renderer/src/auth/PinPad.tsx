import { Button, SimpleGrid } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** On-screen keypad for touch screens at the counter; the keyboard works too (see PinSwitchScreen). */
/** Lives inside the PIN form: its OK key is the form's submit button, so keypad and Enter do the same. */
export function PinPad({ onDigit, onBackspace, disabled, busy }: { onDigit(d: string): void; onBackspace(): void; disabled?: boolean; busy?: boolean }) {
  const t = useT();
  const key = (d: string) => (
    <Button key={d} variant="default" size="lg" onClick={() => onDigit(d)} disabled={disabled} tabIndex={-1}>
      {d}
    </Button>
  );
  return (
    <SimpleGrid cols={3} spacing="xs">
      {KEYS.map(key)}
      <Button variant="default" size="lg" onClick={onBackspace} disabled={disabled} tabIndex={-1} aria-label={t('ui.pin.backspace')}>
        ⌫
      </Button>
      {key('0')}
      <Button type="submit" size="lg" loading={busy} disabled={disabled} tabIndex={-1}>
        {t('ui.pin.ok')}
      </Button>
    </SimpleGrid>
  );
}
