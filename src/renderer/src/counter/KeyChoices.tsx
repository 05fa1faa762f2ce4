import { useRef, useState, type KeyboardEvent } from 'react';
import { Button, Group, Input } from '@mantine/core';

export interface Choice {
  value: string;
  label: string;
  /** A letter or digit that picks it while the group has focus. */
  hotkey?: string;
}

interface Common {
  label?: string;
  error?: string;
  description?: string;
  testId?: string;
  size?: 'xs' | 'sm';
}

/**
 * One tab stop for a whole group (roving focus): arrows move, Space toggles / picks, a
 * hotkey picks directly. A counter goes through the form with Tab without visiting 14 chips.
 */
function useRoving(count: number) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const [active, setActive] = useState(0);
  const focus = (i: number) => {
    const n = (i + count) % count;
    setActive(n);
    refs.current[n]?.focus();
  };
  return { refs, active: Math.min(active, Math.max(count - 1, 0)), setActive, focus };
}

function moveKey(e: KeyboardEvent, i: number, focus: (i: number) => void): boolean {
  if (e.key === 'ArrowRight' || e.key === 'ArrowDown') focus(i + 1);
  else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') focus(i - 1);
  else if (e.key === 'Home') focus(0);
  else return false;
  e.preventDefault();
  return true;
}

/** Several choices may be on (faults, accessories, findings). */
export function ToggleChips({ choices, value, onChange, label, error, description, testId, size = 'xs' }: Common & { choices: Choice[]; value: string[]; onChange(v: string[]): void }) {
  const r = useRoving(choices.length);
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <Input.Wrapper label={label} error={error} description={description}>
      <Group gap={6} mt={4} role="group" aria-label={label} data-testid={testId}>
        {choices.map((c, i) => {
          const on = value.includes(c.value);
          return (
            <Button
              key={c.value}
              ref={(el) => {
                r.refs.current[i] = el;
              }}
              size={size === 'xs' ? 'compact-sm' : 'sm'}
              radius="xl"
              variant={on ? 'filled' : 'default'}
              role="checkbox"
              aria-checked={on}
              tabIndex={i === r.active ? 0 : -1}
              data-value={c.value}
              onFocus={() => r.setActive(i)}
              onClick={() => toggle(c.value)}
              onKeyDown={(e) => {
                if (moveKey(e, i, r.focus)) return;
                const hit = choices.findIndex((x) => x.hotkey && x.hotkey === e.key.toLowerCase());
                if (hit >= 0 && !e.ctrlKey && !e.altKey) {
                  e.preventDefault();
                  r.focus(hit);
                  toggle(choices[hit]!.value);
                }
              }}
              fw={on ? 600 : 400}
            >
              {c.label}
            </Button>
          );
        })}
      </Group>
    </Input.Wrapper>
  );
}

/**
 * Exactly one choice (service type, passcode kind); arrows pick as they move, like radios.
 * A hotkey is a decision, not a browse: `onHotkey` lets the form move focus on from it.
 */
export function RadioChips({
  choices,
  value,
  onChange,
  onHotkey,
  label,
  error,
  description,
  testId,
  size = 'xs',
}: Common & { choices: Choice[]; value: string | null; onChange(v: string): void; onHotkey?(v: string): void }) {
  const r = useRoving(choices.length);
  const selected = choices.findIndex((c) => c.value === value);
  const tabStop = selected >= 0 ? selected : r.active;
  const pick = (i: number) => {
    r.focus(i);
    onChange(choices[(i + choices.length) % choices.length]!.value);
  };
  return (
    <Input.Wrapper label={label} error={error} description={description}>
      <Group gap={6} mt={4} role="radiogroup" aria-label={label} data-testid={testId}>
        {choices.map((c, i) => {
          const on = c.value === value;
          return (
            <Button
              key={c.value}
              ref={(el) => {
                r.refs.current[i] = el;
              }}
              size={size === 'xs' ? 'compact-sm' : 'sm'}
              variant={on ? 'filled' : 'default'}
              role="radio"
              aria-checked={on}
              tabIndex={i === tabStop ? 0 : -1}
              data-value={c.value}
              onClick={() => pick(i)}
              onKeyDown={(e) => {
                if (moveKey(e, i, pick)) return;
                if (e.key === ' ') {
                  e.preventDefault();
                  pick(i);
                  return;
                }
                const hit = choices.findIndex((x) => x.hotkey && x.hotkey === e.key.toLowerCase());
                if (hit >= 0 && !e.ctrlKey && !e.altKey) {
                  e.preventDefault();
                  pick(hit);
                  onHotkey?.(choices[hit]!.value);
                }
              }}
              rightSection={c.hotkey ? <span style={{ opacity: 0.55, fontSize: 11 }}>{c.hotkey.toUpperCase()}</span> : undefined}
            >
              {c.label}
            </Button>
          );
        })}
      </Group>
    </Input.Wrapper>
  );
}
