import { Button, SimpleGrid } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** On-screen keypad for touch screens at the counter; the keyboard works too (see PinSwitchScreen). */
export function PinPad({ onDigit, onBackspace, onSubmit, disabled }: { onDigit(d: string): void; onBackspace(): void; onSubmit(): void; disabled?: boolean }) {
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
      <Button size="lg" onClick={onSubmit} disabled={disabled} tabIndex={-1}>
        {t('ui.pin.ok')}
      </Button>
    </SimpleGrid>
  );
}
