import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { PolicyVersion } from '../../../shared/warranty/procedures';
import type { CategoryPolicy } from '../../../shared/warranty/schemas';
import { PartsFields, PolicyRuleFields } from '../../../ui/warranty/PolicyFields';
import { api } from '../api/client';
import { fieldErrorsOf, type FieldErrors } from '../components/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useErrorToast } from '../hooks/useErrorToast';

/** Edits a copy of a policy; saving makes a new version (the server checks every field and names the bad ones). */
export function PolicyEditor({ version, onClose, onSaved }: { version: PolicyVersion; onClose(): void; onSaved(v: PolicyVersion): void }) {
  const { t, locale } = useI18n();
  const { toast } = useErrorToast();
  const [p, setP] = useState<CategoryPolicy>(() => structuredClone(version.policy));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const err = (path: string) => errors[`policy.${path}`];

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      onSaved(await api.call('warranty.policies.save', { policy: p, baseVersion: version.version, note }));
    } catch (ex) {
      setErrors(fieldErrorsOf(ex));
      toast(ex);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} size="xl" title={t('ui.warranty.editTitle', { name: version.policy.name[locale] })}>
      <form onSubmit={save} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('ui.warranty.nameZh')} value={p.name['zh-CN']} error={err('name.zh-CN')} onChange={(e) => setP({ ...p, name: { ...p.name, 'zh-CN': e.currentTarget.value } })} />
            <TextInput label={t('ui.warranty.nameEn')} value={p.name.en} error={err('name.en')} onChange={(e) => setP({ ...p, name: { ...p.name, en: e.currentTarget.value } })} />
          </SimpleGrid>
          <PolicyRuleFields<CategoryPolicy> policy={p} set={setP} t={t} errorOf={err} />
          <Checkbox label={t('ui.warranty.mainPartLabor')} checked={p.mainPartLaborCovered} onChange={(e) => setP({ ...p, mainPartLaborCovered: e.currentTarget.checked })} />
          <PartsFields<CategoryPolicy> list="mainParts" policy={p} set={setP} t={t} errorOf={err} />
          <PartsFields<CategoryPolicy> list="accessories" policy={p} set={setP} t={t} errorOf={err} />
          <TextInput label={t('ui.warranty.editNote')} value={note} maxLength={200} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('ui.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
