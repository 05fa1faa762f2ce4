import { Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';

/**
 * A rendered document: open it in a tab (the browser's PDF viewer prints it) or save it.
 * Not embedded in the page: the app's CSP allows no frames (default-src 'self'), so a blob:
 * iframe would stay blank.
 */
export function PdfViewer({ url, title, fileName, testId }: { url: string; title: string; fileName?: string; testId?: string }) {
  const t = useT();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600} truncate>
          📄 {title}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-sm" variant="light" onClick={() => window.open(url, '_blank')}>
            {t('ui.printing.openInTab')}
          </Button>
          <Anchor href={url} download={fileName ?? `${title}.pdf`} size="sm">
            {t('ui.printing.download')}
          </Anchor>
        </Group>
      </Group>
    </Paper>
  );
}

/** Opens a PDF in a new tab; false when the browser blocked the pop-up (the page then offers a button). */
export function openPdfTab(url: string): boolean {
  return window.open(url, '_blank') !== null;
}
