import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';

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
 * A section's tabs. Panels mount only while their tab is open (keepMounted=false), so each
 * tab loads fresh data when opened.
 */
export function TabPages({ tabs, ...selection }: { tabs: readonly TabPage[] } & Selection) {
  const shown = tabs.filter((tab) => !tab.hidden);
  return (
    <Tabs {...selection} keepMounted={false}>
      <Tabs.List>
        {shown.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} data-testid={tab.testId}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {shown.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value} pt="md">
          {tab.panel}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
