import { useState } from 'react';
import { Anchor, Group, Image, Modal, Text, UnstyledButton } from '@mantine/core';
import type { TicketDetail } from '../../../shared/tickets/schemas';
import { useCall } from '../data/calls';
import { useT } from '../i18n/I18nProvider';

type Attachment = TicketDetail['attachments'][number];

/**
 * The ticket's photos as thumbnails from the listing itself (no picture is fetched to show the
 * list); a click fetches the full picture and opens it. A photo without a thumbnail (older ones,
 * or one the browser could not shrink) shows its name, opened the same way.
 */
export function AttachmentThumbs({ attachments }: { attachments: TicketDetail['attachments'] }) {
  const t = useT();
  const [shown, setShown] = useState<Attachment | null>(null);
  // The full picture is read only while its window is open; a second look comes from the cache.
  const full = useCall('attachments.get', { id: shown?.id ?? '' }, { enabled: shown !== null });
  const open = shown ? { a: shown, url: full.data ? `data:${full.data.mime};base64,${full.data.dataBase64}` : null } : null;

  if (attachments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ui.tickets.detail.noPhotos')}
      </Text>
    );
  return (
    <>
      <Group gap="xs" data-testid="attachments">
        {attachments.map((a) => (
          <UnstyledButton key={a.id} onClick={() => setShown(a)} title={a.caption || a.name} data-testid="attachment-thumb">
            {a.thumbUrl ? (
              <Image src={a.thumbUrl} w={88} h={88} fit="cover" radius="sm" alt={a.name} />
            ) : (
              <Text size="xs" c="dimmed" w={88} style={{ wordBreak: 'break-all' }}>
                {a.name}
              </Text>
            )}
          </UnstyledButton>
        ))}
      </Group>
      <Modal opened={open !== null} onClose={() => setShown(null)} title={open?.a.caption || open?.a.name} size="xl">
        {open?.url ? (
          <Anchor href={open.url} target="_blank">
            <Image src={open.url} alt={open.a.name} fit="contain" mah="75vh" data-testid="attachment-full" />
          </Anchor>
        ) : (
          <Text c="dimmed">{full.isError ? full.error.message : t('ui.common.loading')}</Text>
        )}
      </Modal>
    </>
  );
}
