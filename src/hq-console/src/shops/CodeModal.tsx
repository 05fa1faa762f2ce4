import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { NewShopCode } from '../../../shared/hq-console/contract';
import { formatInstant, useI18n } from '../i18n';

/** The one-time enrollment code, shown once (head office keeps only its hash). */
export function CodeModal({ code, onClose }: { code: NewShopCode | null; onClose(): void }) {
  const { t, locale } = useI18n();
  return (
    <Modal opened={!!code} onClose={onClose} title={code ? t('ui.hq.shops.codeTitle', { code: code.shop.code }) : ''} size="lg">
      {code ? (
        <Stack>
          <Code block fz={28} ta="center" data-testid="enrollment-code">
            {code.enrollmentCode}
          </Code>
          <Text size="sm">{t('ui.hq.shops.codeHelp', { until: formatInstant(code.expiresAt, locale) })}</Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('ui.hq.shops.done')}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
