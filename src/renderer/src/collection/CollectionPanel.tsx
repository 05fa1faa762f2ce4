import { useEffect, useRef, useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useCall, useFetchCall } from '../data/calls';
import { useErrorToast } from '../hooks/useErrorToast';
import { useI18n } from '../i18n/I18nProvider';
import { HandbackTicket } from './handback/HandbackTicket';

/**
 * Hand-back at the counter, keyboard first: scan the intake receipt (or type the number) →
 * the phone's last 4 digits (or a third party's ID) → discount and tenders → Ctrl+Enter
 * settles and hands back → the receipt and warranty card print → Esc for the next customer.
 */
export function CollectionPanel({ initial = null }: { initial?: string | null }) {
  const { t } = useI18n();
  const { toast } = useErrorToast();
  const fetchCall = useFetchCall();
  const [ref, setRef] = useState(initial ?? '');
  // The ticket open at the counter (what was scanned, or handed over from its drawer), and a new
  // hand-back form for each lookup.
  const [open, setOpen] = useState<{ ref: string; session: number } | null>(initial ? { ref: initial, session: 1 } : null);
  const [busy, setBusy] = useState(false);
  const view = useCall('collection.lookup', { ref: open?.ref ?? '' }, { enabled: open !== null }).data;
  const shown = open ? view : undefined;
  const scanRef = useRef<HTMLInputElement>(null);
  const keys = useRef<() => void>(() => undefined);

  const load = async (code: string) => {
    const c = code.trim();
    if (!c) return;
    setBusy(true);
    try {
      const v = await fetchCall('collection.lookup', { ref: c });
      setOpen((o) => ({ ref: c, session: (o?.session ?? 0) + 1 }));
      setRef(v.ticket.number);
    } catch (e) {
      toast(e);
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setOpen(null);
    setRef('');
  };

  // Focus follows the flow: the scan field with nothing open.
  useEffect(() => {
    if (!shown) scanRef.current?.focus();
  }, [shown]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (shown) keys.current();
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      reset();
    }
  };

  return (
    <Stack gap="sm" onKeyDown={onKeyDown} data-testid="collection-panel">
      <Group align="flex-end" gap="xs">
        <TextInput
          ref={scanRef}
          label={t('ui.collection.scan')}
          description={t('ui.collection.scanHint')}
          value={ref}
          onChange={(e) => setRef(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey) void load(ref);
          }}
          w={420}
          data-testid="collection-scan"
          data-scan="enter"
          autoComplete="off"
        />
        <Button variant="default" onClick={() => void load(ref)} loading={busy && !shown}>
          {t('ui.collection.find')}
        </Button>
      </Group>
      {shown && open ? <HandbackTicket key={open.session} view={shown} onNext={reset} keys={keys} /> : null}
    </Stack>
  );
}
