import { useRef, useState } from 'react';
import { Button, Group, Input, Kbd, SegmentedControl, Stack, Text } from '@mantine/core';
import { CONDITION_ITEMS } from '../../../shared/tickets/schemas';
import { useT } from '../i18n/I18nProvider';
import type { ConditionItem, ConditionState } from './intakeForm';

const STATES: ConditionState[] = ['ok', 'fault', 'not_checked'];
const KEY_STATE: Record<string, ConditionState> = { o: 'ok', '1': 'ok', f: 'fault', '2': 'fault', n: 'not_checked', '3': 'not_checked' };
const COLOR: Record<ConditionState, string> = { ok: 'teal', fault: 'red', not_checked: 'gray' };

interface Props {
  value: Record<ConditionItem, ConditionState>;
  onChange(v: Record<ConditionItem, ConditionState>): void;
  /** Every item has its answer (A, or a state keyed on the last item): the counter moves on. */
  onDone?(): void;
}

/**
 * The condition check as one tab stop: ↑/↓ move between items, O/F/N (or 1/2/3) set the
 * state and go on to the next item, ←/→ step through states, A marks every unchecked item OK.
 * A, or a state keyed on the last item, finishes the check and hands focus to the next field.
 */
export function ConditionChecklist({ value, onChange, onDone }: Props) {
  const t = useT();
  const [row, setRow] = useState(0);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const go = (i: number) => {
    const n = Math.max(0, Math.min(CONDITION_ITEMS.length - 1, i));
    setRow(n);
    refs.current[n]?.focus();
  };
  const set = (item: ConditionItem, s: ConditionState) => onChange({ ...value, [item]: s });
  const allOk = () => onChange(Object.fromEntries(CONDITION_ITEMS.map((i) => [i, value[i] === 'not_checked' ? 'ok' : value[i]])) as typeof value);

  return (
    <Input.Wrapper
      label={t('ui.counter.condition.title')}
      description={
        <>
          <Kbd size="xs">O</Kbd> {t('tickets.conditionState.ok')} · <Kbd size="xs">F</Kbd> {t('tickets.conditionState.fault')} · <Kbd size="xs">N</Kbd>{' '}
          {t('tickets.conditionState.not_checked')} · <Kbd size="xs">A</Kbd> {t('ui.counter.condition.allOk')}
        </>
      }
    >
      <Stack gap={2} mt={4} data-testid="condition" role="group" aria-label={t('ui.counter.condition.title')}>
        {CONDITION_ITEMS.map((item, i) => (
          <Group
            key={item}
            ref={(el) => {
              refs.current[i] = el;
            }}
            tabIndex={i === row ? 0 : -1}
            role="radiogroup"
            aria-label={t(`tickets.condition.${item}`)}
            data-testid={`condition-${item}`}
            data-state={value[item]}
            justify="space-between"
            wrap="nowrap"
            px={6}
            py={2}
            onFocus={() => setRow(i)}
            style={{ borderRadius: 4, outlineOffset: 0 }}
            onKeyDown={(e) => {
              if (e.ctrlKey || e.altKey || e.metaKey) return;
              const k = e.key.toLowerCase();
              if (e.key === 'ArrowDown') go(i + 1);
              else if (e.key === 'ArrowUp') go(i - 1);
              else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                const d = e.key === 'ArrowRight' ? 1 : -1;
                set(item, STATES[(STATES.indexOf(value[item]) + d + STATES.length) % STATES.length]!);
              } else if (k === 'a') {
                allOk();
                onDone?.();
              } else if (KEY_STATE[k]) {
                set(item, KEY_STATE[k]);
                if (i === CONDITION_ITEMS.length - 1) onDone?.();
                else go(i + 1);
              } else return;
              e.preventDefault();
            }}
          >
            <Text size="sm">{t(`tickets.condition.${item}`)}</Text>
            <SegmentedControl
              size="xs"
              tabIndex={-1}
              value={value[item]}
              color={COLOR[value[item]]}
              onChange={(v) => set(item, v as ConditionState)}
              data={STATES.map((s) => ({ value: s, label: t(`tickets.conditionState.${s}`) }))}
              styles={{ input: { display: 'none' } }}
            />
          </Group>
        ))}
        <Group justify="flex-end">
          <Button size="compact-xs" variant="light" tabIndex={-1} onClick={allOk}>
            {t('ui.counter.condition.allOk')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
