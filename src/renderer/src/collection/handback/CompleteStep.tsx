import { Button, Checkbox, Group, Kbd, Paper, PasswordInput, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import type { Handback } from './useHandback';

/** The last checks before settling: a loaner still out, a manager's approval when one is needed; then settle and hand back. */
export function CompleteStep({ h }: { h: Handback }) {
  const { t } = useI18n();
  const { view, loanerOverride, setLoanerOverride, needsManager, approval, setApproval, submit, busy, blocked, identityReady } = h;
  return (
    <>
      {view.loaner.out ? (
        <Checkbox mt="xs" color="orange" label={`${t('ui.collection.loanerOut', { serial: view.loaner.serial ?? '' })} — ${t('ui.collection.loanerOverride')}`} checked={loanerOverride} onChange={(e) => setLoanerOverride(e.currentTarget.checked)} />
      ) : null}
      {needsManager ? (
        <Paper withBorder p="xs" mt="xs" bg="yellow.0">
          <Text size="sm" fw={600}>
            {t('ui.collection.manager')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('ui.collection.managerHint')}
          </Text>
          <Group grow>
            <TextInput label={t('ui.collection.managerUser')} value={approval.username} onChange={(e) => setApproval({ ...approval, username: e.currentTarget.value })} />
            <PasswordInput label={t('ui.collection.managerPin')} value={approval.pin} onChange={(e) => setApproval({ ...approval, pin: e.currentTarget.value })} />
          </Group>
        </Paper>
      ) : null}
      <Button mt="md" size="md" fullWidth onClick={() => void submit()} loading={busy} disabled={blocked || !identityReady} data-testid="collection-complete" rightSection={<Kbd size="xs">Ctrl Enter</Kbd>}>
        {t('ui.collection.complete')}
      </Button>
    </>
  );
}
