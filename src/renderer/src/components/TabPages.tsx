import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { useTab } from '../nav/useNav';

export interface TabPage {
  value: string;
  label: string;
  /** Left out for the roles that may not see it (tab and panel both). */
  hidden?: boolean;
  testId?: string;
  panel: ReactNode;
}

type Selection = { defaultValue: string } | { value: string | null; onChange(value: string | null): void };

/**
 * A section's tabs, one URL each (`#/stock/catalog`): the open tab comes from the address, so
 * the back button returns to the previous tab and a link opens the right one. Only the open
 * tab's panel is rendered; its data comes from the query cache and refreshes when stale.
 */
/** `level` is where the tab sits in the path: 0 for a section's tabs, 1 for the tabs inside one of them. */
export function TabPages({ tabs, level = 0, ...selection }: { tabs: readonly TabPage[]; level?: number } & Selection) {
  const shown = tabs.filter((tab) => !tab.hidden);
  const routed = useTab(
    level,
    shown.map((tab) => tab.value),
    'defaultValue' in selection ? selection.defaultValue : (shown[0]?.value ?? ''),
  );
  const [value, onChange] = 'defaultValue' in selection ? routed : [selection.value, selection.onChange];
  return (
    <Tabs value={value} onChange={onChange}>
      <Tabs.List>
        {shown.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} data-testid={tab.testId}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {shown.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {tab.value === value ? tab.panel : null}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
