import { Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';
import { recordShown, showPdf, type OpenedJob } from './printService';

/**
 * A rendered document: open it in a tab (the browser's PDF viewer prints it) or save it; either
 * is recorded in the print log as it happens (`onShown` gets the job's new status).
 * Not embedded in the page: the app's CSP allows no frames (default-src 'self'), so a blob:
 * iframe would stay blank.
 */
export function PdfViewer({ doc, fileName, testId, onShown }: { doc: OpenedJob; fileName?: string; testId?: string; onShown?(doc: OpenedJob): void }) {
  const t = useT();
  const { toast } = useErrorToast();
  const { url, job } = doc;
  if (!url) return null;
  const record = (p: Promise<OpenedJob>) => p.then((d) => onShown?.(d), toast);
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          📄 {job.title}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" variant="light" onClick={() => void record(showPdf(doc))} data-testid={testId ? `${testId}-open` : undefined}>
            {t('ui.printing.openInTab')}
          </Button>
          <Anchor
            href={url}
            download={fileName ?? `${job.title}.pdf`}
            size="sm"
            onClick={() => void record(recordShown(job, 'saved').then((j) => ({ ...doc, job: j })))}
          >
            {t('ui.printing.download')}
          </Anchor>
        </Group>
      </Group>
    </Paper>
  );
}
