import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useCall } from '../data/calls';
import { useT } from '../i18n/I18nProvider';
import { pct } from './format';
import { BackupBanner } from '../backup/BackupBanner';


export function Stat({ label, value, hint, color, testId, onClick }: { label: string; value: string | number; hint?: string; color?: string; testId?: string; onClick?: () => void }) {
  return (
    <Card withBorder padding="sm" data-testid={testId} style={onClick ? { cursor: 'pointer' } : undefined} onClick={onClick}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Card>
  );
}

export function DashboardTab({ onOpen }: { onOpen(tab: string): void }) {
  const t = useT();
  const d = useCall('reports.dashboard', {}).data;
  if (!d) return <Loader />;
  const h = (x: number | null) => (x === null ? '—' : t('ui.reports.hours', { h: x }));
  const series = [
    { name: 'received', label: t('reports.fig.received'), color: 'blue.6' },
    { name: 'completed', label: t('reports.fig.completed'), color: 'teal.6' },
    { name: 'collected', label: t('reports.fig.collected'), color: 'grape.6' },
  ];
  return (
    <Stack data-testid="reports-dashboard">
      <BackupBanner />
      <Title order={4}>{t('ui.reports.today')} · {d.today}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Stat label={t('reports.fig.received')} value={d.today_.received} testId="dash-today-received" />
        <Stat label={t('reports.fig.completed')} value={d.today_.completed} />
        <Stat label={t('reports.fig.collected')} value={d.today_.collected} />
        <Stat label={t('ui.reports.followUpsOverdue')} value={d.followUps.overdue} color={d.followUps.overdue ? 'red' : undefined} testId="dash-followups-overdue" hint={`${t('ui.reports.followUpsDueToday')} ${d.followUps.dueToday}`} onClick={() => onOpen('followUps')} />
        <Stat label={t('ui.reports.complaintsOpen')} value={d.complaints.open} color={d.complaints.overdue ? 'red' : undefined} hint={`${t('ui.reports.complaintsOverdue')} ${d.complaints.overdue} · ${t('ui.reports.complaintsEscalated')} ${d.complaints.escalated}`} onClick={() => onOpen('complaints')} />
        <Stat label={t('ui.reports.overduePromises')} value={d.overduePromises} color={d.overduePromises ? 'orange' : undefined} hint={`${t('ui.reports.loanersOut')} ${d.loanersOut}`} />
      </SimpleGrid>
      <Title order={4}>{t('ui.reports.week', { from: d.weekFrom })}</Title>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
        <Stat label={t('reports.fig.received')} value={d.week.received} testId="dash-week-received" />
        <Stat label={t('reports.fig.completed')} value={d.week.completed} />
        <Stat label={t('reports.fig.collected')} value={d.week.collected} />
        <Stat label={t('ui.reports.turnaroundWeek')} value={`${h(d.week.turnaround.medianHours)} / ${h(d.week.turnaround.p90Hours)}`} hint={`n = ${d.week.turnaround.n}`} />
        <Stat label={t('reports.fig.ftf')} value={pct(d.week.ftfRate)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('ui.reports.lastSeven')}
          </Text>
          <BarChart h={240} data={d.days.map((x) => ({ ...x, date: x.date.slice(5) }))} dataKey="date" series={series} withLegend tickLine="y" />
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('ui.reports.openByStatus')}
          </Text>
          <BarChart
            h={240}
            data={Object.entries(d.openByStatus).map(([s, n]) => ({ status: t(`tickets.status.${s}`), n }))}
            dataKey="status"
            xAxisProps={{ interval: 0, angle: -30, textAnchor: 'end', height: 60, tick: { fontSize: 11 } }}
            series={[{ name: 'n', label: t('reports.fig.count'), color: 'indigo.6' }]}
            tickLine="y"
          />
          <Group gap="xs" mt="xs">
            {Object.entries(d.openByStatus).map(([s, n]) => (
              <Badge key={s} variant="light">
                {t(`tickets.status.${s}`)} {n}
              </Badge>
            ))}
          </Group>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
