import { useState } from 'react';
import { SegmentedControl, Stack } from '@mantine/core';
import { isManager, useSession } from '../app/session';
import { useT } from '../i18n/I18nProvider';
import { PolicyList } from './PolicyList';
import { HolidayCalendarView } from './HolidayCalendarView';
import { WhatIfPanel } from './WhatIfPanel';

type View = 'policies' | 'calendar' | 'whatIf';

/** Settings → Warranty: policies (everyone reads, admins edit), holidays, and the "what if" panel (managers). */
export function WarrantyPanel() {
  const t = useT();
  const { user } = useSession();
  const [view, setView] = useState<View>('policies');
  const views: View[] = isManager(user) ? ['policies', 'calendar', 'whatIf'] : ['policies', 'calendar'];
  return (
    <Stack>
      <SegmentedControl
        data-testid="warranty-views"
        value={view}
        onChange={(v) => setView(v as View)}
        data={views.map((v) => ({ value: v, label: t(`ui.warranty.view.${v}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'policies' ? <PolicyList /> : view === 'calendar' ? <HolidayCalendarView /> : <WhatIfPanel />}
    </Stack>
  );
}
