import type { TicketRow } from '../../../shared/tickets/schemas';
import type { TicketCoverage } from '../../../shared/tickets/coverage';
import { CLOSED_STATUSES, WORK_STATUSES } from '../../../shared/tickets/statuses';
import { useT } from '../i18n/I18nProvider';
import { LightBadge } from '../components/light';

export const STATUS_COLOR: Record<string, string> = {
  received: 'blue',
  diagnosing: 'cyan',
  awaiting_approval: 'yellow',
  repairing: 'indigo',
  awaiting_parts: 'orange',
  qc: 'grape',
  ready: 'teal',
  collected: 'gray',
  cancelled: 'dark',
};

export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <LightBadge color={STATUS_COLOR[status] ?? 'gray'} variant="light" style={{ textTransform: 'none', overflow: 'visible', flexShrink: 0 }} labelStyle={{ overflow: 'visible' }}>
      {t(`tickets.status.${status}`)}
    </LightBadge>
  );
}

/** Days open, days to (or past) the promise, warranty or paid. */
const COVERAGE_COLOR: Record<TicketCoverage['label'], string> = { covered: 'teal', partly_covered: 'cyan', paid: 'gray', excluded: 'red', claimed: 'yellow', not_claimed: 'gray' };

/** The warranty label from the decision (the latest quote's split), never from the intake claim alone. */
export function coverageText(t: (k: string, p?: Record<string, string | number>) => string, c: TicketCoverage, sep = '、'): string {
  return t(`tickets.coverage.${c.label}`, { findings: c.findings.map((f) => t(`tickets.finding.${f}`)).join(sep) });
}

export function CoverageBadge({ coverage, size = 'sm' }: { coverage: TicketCoverage; size?: 'xs' | 'sm' }) {
  const t = useT();
  return (
    // Its words are the reason ("Not covered: no proof of purchase"): they wrap in a narrow column rather than being cut.
    <LightBadge
      size={size}
      variant="dot"
      color={COVERAGE_COLOR[coverage.label]}
      data-testid="badge-coverage"
      data-coverage={coverage.label}
      style={{ textTransform: 'none', height: 'auto', maxWidth: '100%', paddingBlock: 2 }}
      labelStyle={{ whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 }}
    >
      {coverageText(t, coverage)}
    </LightBadge>
  );
}

const NO_CAPS = { textTransform: 'none' } as const;

export function TicketBadges({ row }: { row: Pick<TicketRow, 'status' | 'flags' | 'coverage'> }) {
  const t = useT();
  const working = (WORK_STATUSES as readonly string[]).includes(row.status);
  const f = row.flags;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
      <LightBadge size="sm" variant="outline" color="gray" style={NO_CAPS}>
        {/* a closed ticket's count ran to its closing: how long it took, not how long it has been open */}
        {t((CLOSED_STATUSES as readonly string[]).includes(row.status) ? 'tickets.flag.daysTaken' : 'tickets.flag.daysOpen', { days: f.daysOpen })}
      </LightBadge>
      {working && f.overdue ? (
        <LightBadge size="sm" color="red" style={NO_CAPS} data-testid="badge-overdue">
          {t('ui.tickets.badge.overdue', { days: -f.daysToPromise })}
        </LightBadge>
      ) : working ? (
        <LightBadge size="sm" variant="light" color={f.daysToPromise <= 1 ? 'orange' : 'gray'} style={NO_CAPS}>
          {f.daysToPromise === 0 ? t('ui.tickets.badge.dueToday') : t('ui.tickets.badge.dueIn', { days: f.daysToPromise })}
        </LightBadge>
      ) : null}
      {working && f.legalDaysLeft !== null ? (
        // the 三包 repair-time limit: past it the customer may demand an exchange
        <LightBadge size="sm" variant={f.legalDaysLeft <= 5 ? 'filled' : 'light'} color={f.legalDaysLeft < 0 ? 'red' : f.legalDaysLeft <= 5 ? 'orange' : 'violet'} style={NO_CAPS} data-testid="badge-legal">
          {f.legalDaysLeft < 0 ? t('ui.tickets.badge.legalPast', { days: -f.legalDaysLeft }) : t('ui.tickets.badge.legalLeft', { days: f.legalDaysLeft })}
        </LightBadge>
      ) : null}
      <CoverageBadge coverage={row.coverage} />
    </div>
  );
}
