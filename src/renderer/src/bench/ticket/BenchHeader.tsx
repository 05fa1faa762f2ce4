import { Badge, Button, Group, Paper, Select, Title, Tooltip } from '@mantine/core';
import { isManager, useSession } from '../../app/session';
import { useI18n } from '../../i18n/I18nProvider';
import { useMove, useSetPriority } from './actions';
import type { CardProps } from './types';

/** The moves a technician makes from the bench (cancelling is a manager's). */
const BENCH_MOVES = ['startDiagnosis', 'returnUnrepaired', 'requestApproval', 'startCoveredRepair', 'startRepair', 'resumeRepair', 'toQc', 'reapprove'];

/** The ticket's number, status, deadlines and priority, and the moves open to it now. */
export function BenchHeader({ wb, number }: CardProps & { number?: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const setPriority = useSetPriority();
  const move = useMove();
  const status = wb.status;
  const manager = isManager(user);
  const moves = wb.next.filter((n) => BENCH_MOVES.includes(n.action) || (n.action === 'cancel' && manager));
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={3}>{number ?? ''}</Title>
            <Badge data-testid="bench-status" size="lg" color={status === 'ready' ? 'green' : status === 'awaiting_approval' ? 'orange' : 'blue'}>
              {t(`tickets.status.${status}`)}
            </Badge>
            {wb.outcome ? <Badge variant="light">{t('ui.bench.outcome', { outcome: t(`ui.bench.outcome.${wb.outcome}`) })}</Badge> : null}
          </Group>
          <Group gap="xs" mt={4}>
            {wb.legal.limitDays !== null && wb.legal.daysLeft !== null ? (
              <Badge color={wb.legal.daysLeft < 5 ? 'red' : 'gray'} variant="light">
                {t('ui.bench.flags.legal', { limit: wb.legal.limitDays, left: wb.legal.daysLeft })}
              </Badge>
            ) : null}
            {wb.loaner.due ? <Badge color="red">{t('ui.bench.flags.loaner', { days: wb.loaner.thresholdDays ?? 0 })}</Badge> : null}
            {wb.partsExpected ? <Badge color="yellow">{t('ui.bench.repair.partsExpected', { date: wb.partsExpected })}</Badge> : null}
          </Group>
        </div>
        <Select
          w={120}
          size="xs"
          label={t('ui.bench.priority')}
          value={String(wb.priority)}
          data={[0, 1, 2, 3].map((p) => ({ value: String(p), label: t(`ui.bench.priority.${p}`) }))}
          onChange={(v) => v !== null && void setPriority({ priority: Number(v) })}
          allowDeselect={false}
        />
      </Group>
      <Group gap="xs" mt="sm">
        {moves.map((m) => (
          <Tooltip key={`${m.to}-${m.action}`} label={m.reason ? t(m.reason) : ''} disabled={m.allowed}>
            <Button
              size="xs"
              variant={m.action === 'cancel' ? 'subtle' : 'light'}
              color={m.action === 'cancel' ? 'red' : undefined}
              disabled={!m.allowed}
              data-testid={`move-${m.action}`}
              onClick={() => void move({ to: m.to })}
            >
              {t(`ui.bench.action.${m.action}`)}
            </Button>
          </Tooltip>
        ))}
      </Group>
    </Paper>
  );
}
