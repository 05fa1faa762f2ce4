import { useCallback, useState } from 'react';
import { Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import type { InputOf } from '../../../shared/api/contract';
import type { Procedures } from '../../../shared/api/procedures';
import type { DrillFigure } from '../../../shared/reports/schemas';
import { STAGES } from '../../../shared/reports/math';
import { dimensionValueLabel } from '../../../shared/reports/table';
import { api } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { fieldErrorsOf } from '../components/errors';
import { useCall } from '../data/calls';
import { printAndShow } from '../printing/printService';
import { DrillModal, type DrillAsk } from './DrillModal';
import { isoDate, pct, saveBase64 } from './format';
import { money } from '../stock/format';

type Input = InputOf<Procedures['reports.run']>;

function monthRange(offset: number): [string, string] {
  const now = new Date();
  const a = new Date(now.getFullYear(), now.getMonth() + offset, 1);
  const b = new Date(now.getFullYear(), now.getMonth() + offset + 1, 0);
  return [isoDate(a), isoDate(offset === 0 ? now : b)];
}

export function ReportTab() {
  const { t, locale, colon } = useI18n();
  const { toast } = useErrorToast();
  const [[from, to], setRange] = useState<[string, string]>(monthRange(0));
  const [filters, setFilters] = useState<Record<string, string | null>>({});
  const [groupBy, setGroupBy] = useState<string | null>('technician');
  const [drill, setDrill] = useState<DrillAsk | null>(null);

  const input = useCallback((): Input => {
    const f = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Input['filters'];
    return { from, to, filters: f, ...(groupBy ? { groupBy: groupBy as Input['groupBy'] } : {}) };
  }, [from, to, filters, groupBy]);

  // The report shown is the one last asked for (the filters apply when "run" is pressed).
  const [asked, setAsked] = useState<Input>(input);
  const options = useCall('reports.options', {}).data ?? null;
  const reportQuery = useCall('reports.run', asked, { keepPrevious: true });
  const report = reportQuery.data ?? null;
  const busy = reportQuery.isFetching;
  const errors = fieldErrorsOf(reportQuery.error);
  const run = () => {
    const next = input();
    if (JSON.stringify(next) === JSON.stringify(asked)) void reportQuery.refetch();
    else setAsked(next);
  };

  const openDrill = (figure: DrillFigure, label: string, groupKey?: string) => {
    const i = input();
    setDrill({ label, input: { from: i.from, to: i.to, filters: i.filters, figure, ...(groupKey !== undefined && i.groupBy ? { groupBy: i.groupBy, groupKey } : {}) } });
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const r = await api.call('reports.export', { report: input(), format });
      saveBase64(r.fileName, r.mime, r.base64);
    } catch (e) {
      toast(e);
    }
  };
  const print = async () => {
    const i = input();
    const f = Object.entries(i.filters ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
    // In the language on screen (the print service defaults to the shop's).
    try {
      await printAndShow('quality_report', `${i.from}~${i.to}~${i.groupBy ?? ''}~${f}`, { language: locale });
    } catch (e) {
      toast(e);
    }
  };

  const Num = ({ figure, value, label, testId }: { figure: DrillFigure; value: number; label: string; testId?: string }) => (
    <UnstyledButton onClick={() => openDrill(figure, label)} data-testid={testId} title={t('ui.reports.drillHint')}>
      <Text fw={700} size="xl" c="blue" td="underline">
        {value}
      </Text>
    </UnstyledButton>
  );
  const Box = ({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) => (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Card>
  );
  const na = (a: { available: boolean; reasonKey?: string }) => (
    <Text size="sm" c="dimmed" data-testid="report-na">
      {t('reports.na')} · {a.reasonKey ? t(a.reasonKey) : ''}
    </Text>
  );
  const h = (x: number | null) => (x === null ? '—' : String(x));
  const dimLabel = (key: string) => {
    if (!report?.groupBy) return key;
    if (report.groupBy === 'technician') return report.groups.find((g) => g.key === key)?.label || t('reports.fig.unassigned');
    if (report.groupBy === 'category') return key ? t(`devices.category.${key}`) : '—';
    if (report.groupBy === 'serviceType') return key ? t(`reports.service.${key}`) : '—';
    return key || '—';
  };

  return (
    <Stack data-testid="report-tab">
      <Card withBorder>
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('ui.reports.from')} value={from} onChange={(e) => setRange([e.currentTarget.value, to])} error={errors.from} data-testid="report-from" />
          <TextInput type="date" label={t('ui.reports.to')} value={to} onChange={(e) => setRange([from, e.currentTarget.value])} error={errors.to} data-testid="report-to" />
          <Select label={t('reports.dim.technician')} placeholder={t('ui.reports.any')} clearable data={(options?.technicians ?? []).map((x) => ({ value: x.id, label: x.name }))} value={filters.technicianId ?? null} onChange={(v) => setFilters({ ...filters, technicianId: v })} error={errors['filters.technicianId']} w={150} />
          <Select label={t('reports.dim.category')} placeholder={t('ui.reports.any')} clearable data={(options?.categories ?? []).map((c) => ({ value: c, label: t(`devices.category.${c}`) }))} value={filters.category ?? null} onChange={(v) => setFilters({ ...filters, category: v })} error={errors['filters.category']} w={150} />
          <Select label={t('reports.dim.brand')} placeholder={t('ui.reports.any')} clearable searchable data={options?.brands ?? []} value={filters.brand ?? null} onChange={(v) => setFilters({ ...filters, brand: v })} error={errors['filters.brand']} w={140} />
          <Select label={t('reports.dim.serviceType')} placeholder={t('ui.reports.any')} clearable data={(options?.serviceTypes ?? []).map((s) => ({ value: s, label: t(`reports.service.${s}`) }))} value={filters.serviceType ?? null} onChange={(v) => setFilters({ ...filters, serviceType: v })} w={120} />
          <Select label={t('ui.reports.groupBy')} data={[{ value: '', label: t('ui.reports.none') }, ...['technician', 'category', 'brand', 'serviceType'].map((d) => ({ value: d, label: t(`reports.dim.${d}`) }))]} value={groupBy ?? ''} onChange={(v) => setGroupBy(v || null)} w={130} data-testid="report-groupby" />
          <Button onClick={() => void run()} loading={busy} data-testid="report-run">
            {t('ui.reports.run')}
          </Button>
        </Group>
        <Group mt="sm" gap="xs">
          <Button size="xs" variant="subtle" onClick={() => setRange(monthRange(0))}>{t('ui.reports.thisMonth')}</Button>
          <Button size="xs" variant="subtle" onClick={() => setRange(monthRange(-1))}>{t('ui.reports.lastMonth')}</Button>
          <Button size="xs" variant="subtle" onClick={() => setRange([`${new Date().getFullYear()}-01-01`, isoDate(new Date())])}>{t('ui.reports.thisYear')}</Button>
          <div style={{ flex: 1 }} />
          <Button size="xs" variant="default" onClick={() => void exportAs('csv')} disabled={!report} data-testid="report-csv">{t('ui.reports.exportCsv')}</Button>
          <Button size="xs" variant="default" onClick={() => void exportAs('xlsx')} disabled={!report} data-testid="report-xlsx">{t('ui.reports.exportXlsx')}</Button>
          <Button size="xs" variant="default" onClick={() => void print()} disabled={!report} data-testid="report-print">{t('ui.reports.print')}</Button>
        </Group>
      </Card>
      {!report ? (
        busy ? <Loader /> : null
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {t('reports.doc.rangeHint')} · {t('ui.reports.drillHint')}
          </Text>
          <Title order={5}>{t('reports.section.volume')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <Box label={t('reports.fig.received')}><Num figure="received" value={report.volume.received} label={t('reports.fig.received')} testId="fig-received" /></Box>
            <Box label={t('reports.fig.completed')}><Num figure="completed" value={report.volume.completed} label={t('reports.fig.completed')} testId="fig-completed" /></Box>
            <Box label={t('reports.fig.collected')}><Num figure="collected" value={report.volume.collected} label={t('reports.fig.collected')} /></Box>
            <Box label={t('reports.fig.cancelled')}><Num figure="cancelled" value={report.volume.cancelled} label={t('reports.fig.cancelled')} /></Box>
            <Box label={t('reports.fig.reopened')}><Num figure="reopened" value={report.volume.reopened} label={t('reports.fig.reopened')} /></Box>
          </SimpleGrid>
          <Title order={5}>{t('reports.section.quality')}</Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Box label={t('reports.fig.ftf')} hint={`${t('reports.fig.ftfHint', { days: report.settings.ftfDays })} · ${report.quality.firstTimeFix.count}/${report.quality.firstTimeFix.of}`}>
              <Group gap="xs"><Text fw={700} size="xl" data-testid="fig-ftf">{pct(report.quality.firstTimeFix.rate)}</Text><Num figure="ftfFailed" value={report.quality.firstTimeFix.of - report.quality.firstTimeFix.count} label={t('reports.fig.ftfFailed')} testId="fig-ftf-failed" /></Group>
            </Box>
            <Box label={t('reports.fig.repeat')} hint={`${report.quality.repeatRepair.count}/${report.quality.repeatRepair.of}`}>
              <Group gap="xs"><Text fw={700} size="xl">{pct(report.quality.repeatRepair.rate)}</Text><Num figure="repeat" value={report.quality.repeatRepair.count} label={t('reports.fig.repeat')} /></Group>
            </Box>
            <Box label={`${t('reports.fig.legalBreach')} (${t('reports.fig.legalHint', { days: report.settings.legalLimitDays })})`} hint={`${t('reports.fig.openNow')} ${report.quality.legalBreaches.openNow}`}>
              <Num figure="legalBreach" value={report.quality.legalBreaches.count} label={t('reports.fig.legalBreach')} />
            </Box>
            <Box label={t('reports.fig.promiseBreach')} hint={`${t('reports.fig.openNow')} ${report.quality.promiseBreaches.openNow}`}>
              <Num figure="promiseBreach" value={report.quality.promiseBreaches.count} label={t('reports.fig.promiseBreach')} />
            </Box>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Text fw={600}>{t('reports.section.turnaround')}</Text>
              <Text size="sm" c="dimmed" mb="xs">
                {t('reports.fig.endToEnd')}{colon}{h(report.turnaround.endToEnd.medianHours)} / {h(report.turnaround.endToEnd.p90Hours)} · {t('reports.fig.toReady')}{colon}{h(report.turnaround.toReady.medianHours)} / {h(report.turnaround.toReady.p90Hours)} ({t('reports.fig.median')} / {t('reports.fig.p90')})
              </Text>
              <BarChart
                h={220}
                data={STAGES.map((s) => ({ stage: t(`reports.stage.${s}`), median: report.turnaround.stages[s].medianHours ?? 0, p90: report.turnaround.stages[s].p90Hours ?? 0 }))}
                dataKey="stage"
                // Stage names are long in English: slanted, every one readable, none over its neighbour.
                xAxisProps={{ interval: 0, angle: -30, textAnchor: 'end', height: 70, tick: { fontSize: 10 } }}
                series={[{ name: 'median', label: t('reports.fig.median'), color: 'blue.6' }, { name: 'p90', label: t('reports.fig.p90'), color: 'orange.5' }]}
                withLegend
                tickLine="y"
              />
            </Card>
            <Card withBorder>
              <Text fw={600} mb="xs">{t('reports.section.mix')} · {t('reports.section.care')}</Text>
              <Group gap="lg" mb="xs">
                <Box label={t('reports.fig.claimedWarranty')}><Num figure="claimedWarranty" value={report.mix.claimedAtIntake.warranty} label={t('reports.fig.claimedWarranty')} /></Box>
                <Box label={t('reports.fig.claimedPaid')}><Num figure="claimedPaid" value={report.mix.claimedAtIntake.paid} label={t('reports.fig.claimedPaid')} /></Box>
                {report.mix.quotes.available ? (
                  <Box label={t('reports.fig.quoteWarranty')} hint={`${t('reports.fig.quoteMixed')} ${report.mix.quotes.value.mixed} · ${t('reports.fig.quotePaid')} ${report.mix.quotes.value.paid} · ${t('reports.fig.noQuote')} ${report.mix.quotes.value.noQuote}`}>
                    <Text fw={700} size="xl">{report.mix.quotes.value.warranty}</Text>
                  </Box>
                ) : na(report.mix.quotes)}
              </Group>
              <Text size="sm">{t('reports.fig.avgScore')}{colon}<b>{report.satisfaction.averageScore ?? '—'}</b> ({report.satisfaction.scored}) · {t('reports.fig.followUpsDone')} {report.satisfaction.done}/{report.satisfaction.due} · {t('reports.fig.problems')} {report.satisfaction.problems}</Text>
              <Text size="sm">{t('reports.fig.complaintsOpened')} {report.complaints.opened} · {t('reports.fig.complaintsClosed')} {report.complaints.closed} · {t('reports.fig.respondedInTime')} {pct(report.complaints.respondedInTime.rate)} · {t('reports.fig.resolvedInTime')} {pct(report.complaints.resolvedInTime.rate)} · {t('reports.fig.escalated')} {report.complaints.escalated}</Text>
              <Text size="sm">{t('reports.fig.partsCost')}{colon}{money(report.parts.costFen, locale)} ({t('reports.fig.partsQty')} {report.parts.qty}) · {t('reports.fig.loanersOut')} {report.loaners.outNow} · {t('reports.fig.hoursLogged')} {report.hoursLogged.available ? report.hoursLogged.value : '—'}</Text>
              <Group gap="xs" mt="xs">
                <Text size="sm">{t('reports.section.revenue')}{colon}</Text>
                {report.revenue.byTender.available ? report.revenue.byTender.value.map((x) => <Text key={x.key} size="sm">{dimensionValueLabel(locale, 'tender', x.key)} {money(x.amountFen, locale)}</Text>) : na(report.revenue.byTender)}
              </Group>
              <Group gap="xs">
                <Text size="sm">{t('reports.fig.claims')}{colon}</Text>
                {report.claims.available ? report.claims.value.map((x) => <Text key={x.key} size="sm">{dimensionValueLabel(locale, 'claimStatus', x.key)} {x.count}</Text>) : na(report.claims)}
              </Group>
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <Text fw={600} mb="xs">{t('reports.section.technicians')}</Text>
            <Table striped data-testid="report-technicians">
              <Table.Thead><Table.Tr><Table.Th>{t('reports.fig.technician')}</Table.Th><Table.Th>{t('reports.fig.completed')}</Table.Th><Table.Th>{t('reports.fig.collected')}</Table.Th><Table.Th>{t('reports.fig.ftf')}</Table.Th><Table.Th>{t('reports.fig.repairHours')}</Table.Th><Table.Th>{t('reports.fig.hoursLogged')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {report.technicians.map((x) => (
                  <Table.Tr key={x.userId}><Table.Td>{x.name}</Table.Td><Table.Td>{x.completed}</Table.Td><Table.Td>{x.collected}</Table.Td><Table.Td>{pct(x.ftfRate)}</Table.Td><Table.Td>{h(x.repairHours.medianHours)}</Table.Td><Table.Td>{x.hoursLogged ?? '—'}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          {report.groupBy && report.groups.length ? (
            <Card withBorder>
              <Text fw={600} mb="xs">{t('reports.section.groups')} · {t(`reports.dim.${report.groupBy}`)}</Text>
              <BarChart h={220} data={report.groups.slice(0, 12).map((g) => ({ key: dimLabel(g.key), received: g.received, completed: g.completed, collected: g.collected }))} dataKey="key" series={[{ name: 'received', label: t('reports.fig.received'), color: 'blue.6' }, { name: 'completed', label: t('reports.fig.completed'), color: 'teal.6' }, { name: 'collected', label: t('reports.fig.collected'), color: 'grape.6' }]} withLegend tickLine="y" />
              <Table striped mt="sm" data-testid="report-groups">
                <Table.Thead><Table.Tr><Table.Th>{t(`reports.dim.${report.groupBy}`)}</Table.Th><Table.Th>{t('reports.fig.received')}</Table.Th><Table.Th>{t('reports.fig.completed')}</Table.Th><Table.Th>{t('reports.fig.collected')}</Table.Th><Table.Th>{t('reports.fig.median')}</Table.Th><Table.Th>{t('reports.fig.p90')}</Table.Th><Table.Th>{t('reports.fig.ftf')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {report.groups.map((g) => (
                    <Table.Tr key={g.key}>
                      <Table.Td>{dimLabel(g.key)}</Table.Td>
                      <Table.Td><UnstyledButton c="blue" onClick={() => openDrill('received', `${dimLabel(g.key)} · ${t('reports.fig.received')}`, g.key)}>{g.received}</UnstyledButton></Table.Td>
                      <Table.Td><UnstyledButton c="blue" onClick={() => openDrill('completed', `${dimLabel(g.key)} · ${t('reports.fig.completed')}`, g.key)}>{g.completed}</UnstyledButton></Table.Td>
                      <Table.Td><UnstyledButton c="blue" onClick={() => openDrill('collected', `${dimLabel(g.key)} · ${t('reports.fig.collected')}`, g.key)}>{g.collected}</UnstyledButton></Table.Td>
                      <Table.Td>{h(g.turnaround.medianHours)}</Table.Td><Table.Td>{h(g.turnaround.p90Hours)}</Table.Td><Table.Td>{pct(g.ftfRate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          ) : null}
        </>
      )}
      <DrillModal ask={drill} onClose={() => setDrill(null)} />
    </Stack>
  );
}
