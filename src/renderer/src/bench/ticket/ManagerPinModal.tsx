import { useState } from 'react';
import { Button, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { useErrorToast } from '../../hooks/useErrorToast';
import type { Retry } from './BenchContext';

/** A manager signs a refused write off with their PIN; a wrong PIN keeps the dialog open. */
export function ManagerPinModal({ pending, onClose }: { pending: Retry | null; onClose(): void }) {
  const { t } = useI18n();
  const { toast } = useErrorToast();
  const [approval, setApproval] = useState({ username: '', pin: '' });
  return (
    <Modal opened={pending !== null} onClose={onClose} title={t('ui.bench.manager.title')} centered>
      <Stack>
        <TextInput label={t('ui.bench.manager.username')} value={approval.username} onChange={(e) => setApproval({ ...approval, username: e.currentTarget.value })} data-autofocus />
        <PasswordInput label={t('ui.bench.manager.pin')} value={approval.pin} onChange={(e) => setApproval({ ...approval, pin: e.currentTarget.value })} />
        <Button
          onClick={async () => {
            try {
              await pending?.(approval);
              onClose();
              setApproval({ username: '', pin: '' });
            } catch (e) {
              toast(e);
            }
          }}
        >
          {t('ui.bench.manager.confirm')}
        </Button>
      </Stack>
    </Modal>
  );
}
