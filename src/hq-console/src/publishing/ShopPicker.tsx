import { Select } from '@mantine/core';
import { useConsole } from '../data';
import { useI18n } from '../i18n';

/** Which shop a per-shop editor (users, settings) publishes to. */
export function ShopPicker({ value, onChange }: { value: string | null; onChange(id: string | null): void }) {
  const { t } = useI18n();
  const shops = useConsole('shops.list', {});
  return (
    <Select
      label={t('ui.hq.pub.shop')}
      placeholder={t('ui.hq.pub.shopHint')}
      data={(shops.data?.shops ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
      value={value}
      onChange={onChange}
      searchable
      w={320}
      data-testid="pub-shop-pick"
    />
  );
}
