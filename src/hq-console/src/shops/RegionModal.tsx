import { useEffect } from 'react';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { regionSchema } from '../../../shared/hq-console/figures';
import type { ShopStatus } from '../../../shared/hq-console/contract';
import { useConsoleMutation } from '../data';
import { useSchemaForm } from '../form';
import { useI18n } from '../i18n';

const formSchema = z.object({ region: regionSchema });

/** A shop's region, which the network's figures break down by (a network admin's). Empty clears it. */
export function RegionModal({ shop, onClose }: { shop: ShopStatus | null; onClose(): void }) {
  const { t } = useI18n();
  const save = useConsoleMutation('shops.setRegion', ['shops.list', 'figures.network', 'figures.dashboard']);
  const { form, refused } = useSchemaForm({ region: '' }, formSchema);
  useEffect(() => {
    if (shop) form.setValues({ region: shop.region ?? '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shop?.id]);
  const submit = form.onSubmit((v) => {
    if (!shop) return;
    save.mutate(
      { shopId: shop.id, region: v.region.trim() || null },
      { onSuccess: () => (notifications.show({ message: t('ui.hq.shops.regionSaved') }), onClose()), onError: (e) => void refused(e) },
    );
  });
  return (
    <Modal opened={!!shop} onClose={onClose} title={`${t('ui.hq.shops.editRegion')} · ${shop?.code ?? ''}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('ui.hq.shops.regionLabel')} autoFocus data-testid="region-input" {...form.getInputProps('region')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="region-save">
              {t('ui.hq.shops.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
