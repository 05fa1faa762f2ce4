import { Button, Group, NumberInput, Select, Title } from '@mantine/core';
import { useI18n } from '../../i18n/I18nProvider';
import type { LineForm } from './form';
import type { FormProps } from './props';

/** The repair's lines: labour or a part (of the category's policy), at a price. */
export function LineFields({ form, set, errors, partOptions }: FormProps & { partOptions: { value: string; label: string }[] }) {
  const { t } = useI18n();
  return (
    <>
      <Group justify="space-between">
        <Title order={5}>{t('ui.warranty.whatIf.lines')}</Title>
        <Button size="compact-xs" variant="light" onClick={() => set('lines', [...form.lines, { type: 'part', part: '', yuan: 0 }])}>
          {t('ui.warranty.whatIf.addLine')}
        </Button>
      </Group>
      {form.lines.map((l, i) => {
        const upd = (p: Partial<LineForm>) => set('lines', form.lines.map((x, j) => (j === i ? { ...x, ...p } : x)));
        return (
          <Group key={i} gap={4} wrap="nowrap" align="flex-start">
            <Select
              size="xs"
              w={80}
              aria-label={t('ui.warranty.whatIf.lineType')}
              data={(['labor', 'part'] as const).map((v) => ({ value: v, label: t(`ui.warranty.whatIf.lineType.${v}`) }))}
              allowDeselect={false}
              value={l.type}
              onChange={(v) => v && upd({ type: v as LineForm['type'] })}
            />
            <Select size="xs" style={{ flex: 1 }} aria-label={t('ui.warranty.whatIf.part')} data={partOptions} allowDeselect={false} value={l.part} onChange={(v) => upd({ part: v ?? '' })} />
            <NumberInput
              size="xs"
              w={100}
              aria-label={t('ui.warranty.whatIf.linePrice')}
              prefix="¥"
              decimalScale={2}
              value={l.yuan}
              error={errors[`lines.${i}.price`]}
              onChange={(v) => upd({ yuan: v === '' ? '' : Number(v) })}
            />
            <Button size="compact-xs" variant="subtle" color="red" mt={4} aria-label={t('ui.warranty.whatIf.remove')} onClick={() => set('lines', form.lines.filter((_, j) => j !== i))}>
              ×
            </Button>
          </Group>
        );
      })}
    </>
  );
}
