import { useState } from 'react';
import { Button, Checkbox, FileInput, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { FINDINGS } from '../../../../shared/warranty/schemas';
import { useI18n } from '../../i18n/I18nProvider';
import { useDiagnose } from './actions';
import { base64Of, EDITABLE, type CardProps } from './types';
import { onCtrlEnter } from './keys';

/** The technician's diagnosis: cause, notes, the findings the warranty decision reads, photos. */
export function DiagnosisCard({ wb }: CardProps) {
  const { t } = useI18n();
  const diagnose = useDiagnose();
  const d = wb.diagnosis;
  const [cause, setCause] = useState(d?.cause ?? '');
  const [notes, setNotes] = useState(d?.notes ?? '');
  const [findings, setFindings] = useState<string[]>(d?.findings ?? []);
  const [perf, setPerf] = useState(d?.performanceFault ?? false);
  const [photos, setPhotos] = useState<File[]>([]);
  const canSave = ['received', ...EDITABLE].includes(wb.status);
  const save = async () => {
    if (!cause.trim() || !canSave) return;
    const enc = await Promise.all(photos.map(async (f) => ({ name: f.name, mime: f.type as 'image/png', dataBase64: await base64Of(f), caption: 'diagnosis' })));
    await diagnose({ cause, notes, findings: findings as never, performanceFault: perf, photos: enc });
    setPhotos([]);
  };
  return (
    <Paper withBorder p="sm" data-testid="diagnosis-card" onKeyDown={onCtrlEnter(() => void save())}>
      <Text fw={600} mb="xs">
        {t('ui.bench.section.diagnosis')}
      </Text>
      <Stack gap="xs">
        <TextInput
          label={t('ui.bench.diag.cause')}
          value={cause}
          onChange={(e) => setCause(e.currentTarget.value)}
          // the cause is often all there is to say: Enter saves it (notes and findings are optional)
          onKeyDown={(e) => e.key === 'Enter' && !e.ctrlKey && !e.nativeEvent.isComposing && void save()}
          data-testid="diag-cause"
        />
        <Textarea label={t('ui.bench.diag.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        <Checkbox.Group label={t('ui.bench.diag.findings')} value={findings} onChange={setFindings}>
          <Group gap="sm" mt={4}>
            {FINDINGS.filter((f) => !['no_proof', 'altered_proof'].includes(f)).map((f) => (
              <Checkbox key={f} value={f} label={t(`tickets.finding.${f}`)} size="xs" />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox label={t('ui.bench.diag.performanceFault')} checked={perf} onChange={(e) => setPerf(e.currentTarget.checked)} size="xs" />
        <FileInput label={t('ui.bench.diag.photos')} multiple accept="image/png,image/jpeg,image/webp" value={photos} onChange={setPhotos} size="xs" />
        <Group display={canSave ? undefined : 'none'}>
          <Button size="xs" onClick={() => void save()} disabled={!cause.trim()} data-testid="diag-save">
            {t('ui.bench.diag.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
