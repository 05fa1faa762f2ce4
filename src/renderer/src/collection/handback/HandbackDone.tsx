import { Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import { PdfViewer } from '../../printing/PdfViewer';
import type { Handback } from './useHandback';

/** Handed back: the change to give (and a 三包 refund), the documents printing, the way to the next customer. */
export function HandbackDone({ h, onNext }: { h: Handback; onNext(): void }) {
  const { t } = useI18n();
  const { view, fmt, handbackDocs, docs } = h;
  const done = h.done!;
  return (
        <Paper withBorder p="md" bg="teal.0" data-testid="collection-done">
          <Title order={3} c="teal.8">
            {t('ui.collection.done')} · {view.ticket.number}
          </Title>
          {view.sanbao?.refundPaid && done.collection.changeFen === 0 ? null : (
            <Text size="lg" fw={700} mt="xs" data-testid="collection-change">
              {t('ui.collection.doneChange', { amount: fmt(done.collection.changeFen) })}
            </Text>
          )}
          {view.sanbao?.refundPaid ? (
            <Text size="lg" fw={700} c="orange.9" data-testid="collection-sanbao-give">
              {t('ui.collection.sanbao.give', { amount: fmt(view.sanbao.refundPaid.amountFen), tender: t(`collection.tender.${view.sanbao.refundPaid.tender}`) })}
            </Text>
          ) : null}
          <Group mt="sm" gap="xs">
            {handbackDocs.map((d) => (
              <Badge key={d} variant="light" tt="none" color={docs[d] ? 'teal' : 'gray'} data-testid={`collection-print-${d}`}>
                {t(`ui.printing.doc.${d}`)} · {docs[d] ? t(`ui.printing.status.${docs[d]!.job.status}`) : t('ui.printing.working')}
              </Badge>
            ))}
          </Group>
          <Stack mt="sm" gap="xs">
            {handbackDocs.map((d) =>
              docs[d]?.url ? <PdfViewer key={d} doc={docs[d]!} testId={`collection-viewer-${d}`} onShown={h.shown(d)} /> : null,
            )}
          </Stack>
          {/* The settled form is gone with the focus it had: the keyboard waits here (Enter or Esc). */}
          <Button mt="md" onClick={onNext} data-testid="collection-next" rightSection={<Kbd size="xs">Esc</Kbd>} autoFocus>
            {t('ui.collection.next')}
          </Button>
        </Paper>
  );
}
