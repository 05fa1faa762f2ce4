import { Group, MultiSelect, NumberInput, SegmentedControl, Select, Switch, TextInput } from '@mantine/core';
import { TICKET_STATUSES } from '../../../shared/tickets/statuses';
import { useT } from '../i18n/I18nProvider';

export interface Filters {
  status: string[];
  technicianId: string | null;
  coverage: 'all' | 'warranty' | 'paid';
  overdue: boolean;
  minAgeDays: number | '';
  text: string;
}

export const NO_FILTERS: Filters = { status: [], technicianId: null, coverage: 'all', overdue: false, minAgeDays: '', text: '' };

/** Filters → tickets.list input (status left out for the board, whose columns are the statuses). */
export function listInput(f: Filters, withStatus = true) {
  return {
    ...(withStatus && f.status.length ? { status: f.status as never } : {}),
    ...(f.technicianId ? { technicianId: f.technicianId } : {}),
    ...(f.coverage !== 'all' ? { coverage: f.coverage } : {}),
    ...(f.overdue ? { overdue: true } : {}),
    ...(f.minAgeDays !== '' ? { minAgeDays: f.minAgeDays } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
  };
}

export function TicketFilters({ value, onChange, technicians, board }: { value: Filters; onChange(f: Filters): void; technicians: { id: string; displayName: string }[]; board: boolean }) {
  const t = useT();
  const set = (p: Partial<Filters>) => onChange({ ...value, ...p });
  return (
    <Group gap="sm" align="flex-end" data-testid="ticket-filters">
      <TextInput
        label={t('ui.tickets.filter.text')}
        placeholder={t('ui.tickets.filter.textHint')}
        value={value.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
        w={220}
        data-testid="ticket-filter-text"
      />
      {!board ? (
        <MultiSelect
          label={t('ui.tickets.filter.status')}
          placeholder={value.status.length ? undefined : t('ui.tickets.filter.any')}
          data={TICKET_STATUSES.map((s) => ({ value: s, label: t(`tickets.status.${s}`) }))}
          value={value.status}
          onChange={(status) => set({ status })}
          clearable
          w={260}
        />
      ) : null}
      <Select
        label={t('ui.tickets.filter.technician')}
        placeholder={t('ui.tickets.filter.any')}
        data={[{ value: 'unassigned', label: t('ui.tickets.unassigned') }, ...technicians.map((u) => ({ value: u.id, label: u.displayName }))]}
        value={value.technicianId}
        onChange={(technicianId) => set({ technicianId })}
        clearable
        w={150}
      />
      <SegmentedControl
        value={value.coverage}
        onChange={(v) => set({ coverage: v as Filters['coverage'] })}
        data={[
          { value: 'all', label: t('ui.tickets.filter.all') },
          { value: 'warranty', label: t('tickets.coverage.warranty') },
          { value: 'paid', label: t('tickets.coverage.paid') },
        ]}
      />
      <NumberInput
        label={t('ui.tickets.filter.minAge')}
        min={0}
        w={110}
        value={value.minAgeDays}
        onChange={(v) => set({ minAgeDays: v === '' ? '' : Number(v) })}
      />
      <Switch label={t('ui.tickets.filter.overdue')} checked={value.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} mb={8} />
    </Group>
  );
}
