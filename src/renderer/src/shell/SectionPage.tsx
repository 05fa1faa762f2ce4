import { SettingsPage } from '../settings/SettingsPage';
import { PlannedSection } from './PlannedSection';
import { StockPage } from '../stock/StockPage';
import type { SectionId } from './sections';

/** Settings is real today; the other sections describe what they will hold (no fake data). */
export function SectionPage({ section }: { section: SectionId }) {
  if (section === 'settings') return <SettingsPage />;
  if (section === 'stock') return <StockPage />;
  return <PlannedSection section={section} />;
}
