import { useEffect, useState } from 'react';
import { Anchor, Group, Image, Text } from '@mantine/core';
import type { TicketDetail } from '../../../shared/tickets/schemas';
import { api } from '../api/client';
import { useT } from '../i18n/I18nProvider';

/** The intake photos as thumbnails (each fetched once; click opens the full picture). */
export function AttachmentThumbs({ attachments }: { attachments: TicketDetail['attachments'] }) {
  const t = useT();
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    for (const a of attachments)
      api.call('attachments.get', { id: a.id }).then(
        (r) => live && setUrls((u) => ({ ...u, [a.id]: `data:${r.mime};base64,${r.dataBase64}` })),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [attachments]);
  if (attachments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ui.tickets.detail.noPhotos')}
      </Text>
    );
  return (
    <Group gap="xs" data-testid="attachments">
      {attachments.map((a) =>
        urls[a.id] ? (
          <Anchor key={a.id} href={urls[a.id]} target="_blank" title={a.caption || a.name}>
            <Image src={urls[a.id]} w={88} h={88} fit="cover" radius="sm" alt={a.name} />
          </Anchor>
        ) : (
          <Text key={a.id} size="xs" c="dimmed" w={88}>
            {a.name}
          </Text>
        ),
      )}
    </Group>
  );
}
