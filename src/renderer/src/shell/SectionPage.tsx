import { SettingsPage } from '../settings/SettingsPage';
import { PlannedSection } from './PlannedSection';
import { StockPage } from '../stock/StockPage';
import { ReportsPage } from '../reports/ReportsPage';
import { BenchPage } from '../bench/BenchPage';
import { CounterPage } from '../counter/CounterPage';
import type { SectionId } from './sections';

/** Settings is real today; the other sections describe what they will hold (no fake data). */
export function SectionPage({ section }: { section: SectionId }) {
  if (section === 'settings') return <SettingsPage />;
  if (section === 'stock') return <StockPage />;
  if (section === 'reports') return <ReportsPage />;
  if (section === 'bench') return <BenchPage />;
  if (section === 'counter') return <CounterPage />;
  return <PlannedSection section={section} />;
}
