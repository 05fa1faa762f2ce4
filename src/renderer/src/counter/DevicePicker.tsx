import { forwardRef, useState } from 'react';
import { Badge, Button, Group, Input, Kbd, Paper, Text, UnstyledButton } from '@mantine/core';
import type { Device, DeviceSummary } from '../../../shared/devices/schemas';
import { useT } from '../i18n/I18nProvider';

interface Props {
  devices: DeviceSummary[];
  picked: Device | null;
  creating: boolean;
  error?: string;
  onPick(d: DeviceSummary): void;
  onNew(): void;
  onClear(): void;
}

export const deviceIdText = (d: { imei: string; serial: string }) => (d.imei ? `IMEI ${d.imei}` : d.serial ? `SN ${d.serial}` : '');

/** The customer's devices as one keyboard list (↑/↓, Enter); the last row registers a new one. */
export const DevicePicker = forwardRef<HTMLDivElement, Props>(function DevicePicker({ devices, picked, creating, error, onPick, onNew, onClear }, ref) {
  const t = useT();
  const [hl, setHl] = useState(0);
  if (picked) {
    return (
      <Paper withBorder p="sm" data-testid="picked-device">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={700}>
              {picked.brand} {picked.model}
              <Badge ml="xs" variant="light" tt="none">
                {t(`devices.category.${picked.category}`)}
              </Badge>
            </Text>
            <Text size="sm" c="dimmed">
              {[deviceIdText(picked), picked.colour, picked.purchaseDate ? t('ui.counter.device.boughtOn', { date: picked.purchaseDate }) : '', t(`devices.proof.${picked.proof.kind}`)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          <Button variant="subtle" size="xs" onClick={onClear}>
            {t('ui.counter.device.change')}
          </Button>
        </Group>
      </Paper>
    );
  }
  const rows = devices.length + 1;
  const choose = (i: number) => (i < devices.length ? onPick(devices[i]!) : onNew());
  return (
    <Input.Wrapper label={t('ui.counter.device.pick')} error={error}>
      <Paper
        withBorder
        p={4}
        mt={4}
        ref={ref}
        tabIndex={creating ? -1 : 0}
        role="listbox"
        aria-label={t('ui.counter.device.pick')}
        aria-activedescendant={`device-opt-${hl}`}
        data-testid="device-list"
        style={{ outlineOffset: 2 }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setHl((h) => (h + 1) % rows);
          else if (e.key === 'ArrowUp') setHl((h) => (h - 1 + rows) % rows);
          else if (e.key === 'Enter' && !e.ctrlKey) choose(hl);
          else if (e.key.toLowerCase() === 'n') onNew();
          else return;
          e.preventDefault();
        }}
      >
        {devices.map((d, i) => (
          <UnstyledButton
            key={d.id}
            id={`device-opt-${i}`}
            role="option"
            aria-selected={i === hl}
            tabIndex={-1}
            w="100%"
            p={6}
            onClick={() => choose(i)}
            style={{ borderRadius: 4, background: i === hl ? 'var(--mantine-color-indigo-0)' : undefined }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>
                {d.brand} {d.model}{' '}
                <Text span size="xs" c="dimmed">
                  {t(`devices.category.${d.category}`)}
                </Text>
              </Text>
              <Text size="sm" c="dimmed">
                {[deviceIdText(d), d.colour].filter(Boolean).join(' · ')}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
        <UnstyledButton
          id={`device-opt-${devices.length}`}
          role="option"
          aria-selected={hl === devices.length}
          tabIndex={-1}
          w="100%"
          p={6}
          data-testid="device-new"
          onClick={() => choose(devices.length)}
          style={{ borderRadius: 4, background: hl === devices.length ? 'var(--mantine-color-indigo-0)' : undefined }}
        >
          <Text size="sm" c="indigo.7" fw={600}>
            + {t('ui.counter.device.new')} <Kbd size="xs">N</Kbd>
          </Text>
        </UnstyledButton>
      </Paper>
    </Input.Wrapper>
  );
});
