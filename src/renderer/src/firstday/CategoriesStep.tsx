import { useState } from 'react';
import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { DEVICE_CATEGORIES, type DeviceCategory } from '../../../shared/devices/categories';
import { useSession } from '../app/session';
import { showSuccessToast } from '../components/errors';
import { useCallMutation } from '../data/calls';
import { useT } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

/**
 * The device categories the shop repairs, and from them the starter price list
 * (priceList.starter adds only codes not there yet, so running it again is harmless).
 */
export function CategoriesStep({ onNext, onSkip }: { onNext(): void; onSkip(): void }) {
  const t = useT();
  const { shop } = useSession();
  const { toast } = useErrorToast();
  const [chosen, setChosen] = useState<string[]>([]);
  const starter = useCallMutation('priceList.starter', {
    onSuccess: (r) => {
      showSuccessToast(t('ui.firstday.categories.created', { n: r.created }));
      onNext();
    },
  });
  const enrolled = shop?.settings.enrolled ?? false;
  return (
    <Stack mt="md" data-testid="firstday-categories">
      <Text size="sm">{t('ui.firstday.categories.intro')}</Text>
      <Alert color="teal" variant="light" p="xs">
        {t('ui.firstday.categories.presets')}
      </Alert>
      {enrolled ? <Alert color="blue">{t('ui.firstday.categories.enrolled')}</Alert> : null}
      <Checkbox.Group value={chosen} onChange={setChosen}>
        <SimpleGrid cols={4} spacing="xs">
          {DEVICE_CATEGORIES.map((c) => (
            <Checkbox key={c} value={c} label={t(`warranty.category.${c}`)} data-testid={`category-${c}`} disabled={enrolled} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Group justify="flex-end">
        <Button variant="default" onClick={onSkip} data-testid="firstday-skip">
          {t('ui.firstday.skip')}
        </Button>
        <Button
          disabled={enrolled || chosen.length === 0}
          loading={starter.isPending}
          data-testid="starter-create"
          onClick={() => starter.mutate({ categories: chosen as DeviceCategory[] }, { onError: toast })}
        >
          {t('ui.firstday.categories.create')}
        </Button>
      </Group>
    </Stack>
  );
}
