import { useRef } from 'react';
import { Checkbox, Divider, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput, NumberInput } from '@mantine/core';
import { ACCESSORIES } from '../../../shared/tickets/schemas';
import { COMMON_FAULTS } from '../../../shared/devices/categories';
import { FINDINGS, type Finding } from '../../../shared/warranty/schemas';
import { addDaysToDate, isCalendarDate } from '../../../shared/time/local-date';
import { useI18n } from '../i18n/I18nProvider';
import { ToggleChips } from './KeyChoices';
import { ConditionChecklist } from './ConditionChecklist';
import { PasscodeField } from './PasscodeField';
import { ServiceFields } from './ServiceFields';
import { PhotosField } from './PhotosField';
import { categoryOf, type IntakeForm } from './intakeForm';

interface Props {
  form: IntakeForm;
  errors: Record<string, string>;
  technicians: { id: string; displayName: string }[];
  set(p: Partial<IntakeForm>): void;
  faultRef: React.Ref<HTMLTextAreaElement>;
}

const weekday = (date: string, locale: string) =>
  isCalendarDate(date) ? new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)) : '';

/** Everything about this visit once customer and device are known, in the order the counter asks. */
export function TicketFields({ form, errors, technicians, set, faultRef }: Props) {
  const { t, locale } = useI18n();
  const category = categoryOf(form);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  return (
    <Stack gap="md">
      <Textarea
        ref={faultRef}
        label={t('ui.counter.fault.text')}
        placeholder={t('ui.counter.fault.placeholder')}
        autosize
        minRows={2}
        value={form.faultText}
        error={errors['fault.text'] ?? errors.fault}
        onChange={(e) => set({ faultText: e.currentTarget.value })}
        data-testid="fault-text"
      />
      <ToggleChips
        label={t('ui.counter.fault.common')}
        description={t('ui.counter.keys.chips')}
        testId="fault-chips"
        choices={COMMON_FAULTS[category].map((c) => ({ value: c, label: t(`devices.fault.${c}`) }))}
        value={form.faultCodes}
        onChange={(v) => set({ faultCodes: v })}
      />
      <Divider />
      <ConditionChecklist value={form.condition} onChange={(condition) => set({ condition })} onDone={() => notesRef.current?.focus()} />
      <Textarea
        ref={notesRef}
        label={t('tickets.condition.cosmeticNotes')}
        autosize
        minRows={1}
        value={form.cosmeticNotes}
        error={errors['condition.cosmeticNotes']}
        onChange={(e) => set({ cosmeticNotes: e.currentTarget.value })}
      />
      <ToggleChips
        label={t('ui.counter.accessories.title')}
        testId="accessories"
        choices={ACCESSORIES.map((a, i) => ({ value: a, label: t(`tickets.accessory.${a}`), hotkey: String(i + 1) }))}
        description={t('ui.counter.accessories.hint')}
        value={form.accessories}
        error={errors.accessories}
        onChange={(v) => set({ accessories: v })}
      />
      {form.accessories.includes('other') ? (
        <TextInput
          label={t('ui.counter.accessories.other')}
          value={form.accessoryOther}
          error={errors['accessories.other']}
          onChange={(e) => set({ accessoryOther: e.currentTarget.value })}
        />
      ) : null}
      <Divider />
      <PasscodeField kind={form.passKind} value={form.passValue} errors={errors} onKind={(passKind) => set({ passKind })} onValue={(passValue) => set({ passValue })} />
      <Checkbox
        label={t('ui.counter.dataLossAck')}
        checked={form.dataLossAck}
        error={errors.dataLossAck}
        onChange={(e) => set({ dataLossAck: e.currentTarget.checked })}
        data-testid="data-loss-ack"
      />
      {/* 个人信息保护法: asked, never assumed (the refusal is chosen until the customer agrees); the
          customer may refuse and withdraw later. Agreeing names the messages' language: one key, as a tick box. */}
      <Radio.Group
        label={t('ui.counter.messageConsent')}
        value={form.messageConsent ? form.messageLocale : 'no'}
        onChange={(v) => set(v === 'no' ? { messageConsent: false } : { messageConsent: true, messageLocale: v === 'en' ? 'en' : 'zh-CN' })}
        data-testid="message-consent"
        data-value={form.messageConsent ? form.messageLocale : 'no'}
      >
        <Group gap="md" mt={4}>
          <Radio value="no" label={t('ui.counter.messageConsentNo')} data-testid="message-consent-no" />
          <Radio value="zh-CN" label={t('ui.counter.messageConsentZh')} data-testid="message-consent-zh" />
          <Radio value="en" label={t('ui.counter.messageConsentEn')} data-testid="message-consent-en" />
        </Group>
      </Radio.Group>
      {/* The customer's claim is a question staff ask and answer; nothing is assumed (the engine decides the cover). */}
      <Radio.Group
        label={t('ui.counter.warrantyClaim.question')}
        value={form.warrantyClaimed === null ? '' : form.warrantyClaimed ? 'yes' : 'no'}
        onChange={(v) => set({ warrantyClaimed: v === 'yes' })}
        error={errors.warrantyClaimed ? t(errors.warrantyClaimed) : undefined}
        data-testid="warranty-claim"
      >
        <Group gap="md" mt={4}>
          <Radio value="yes" label={t('ui.counter.warrantyClaim.yes')} data-testid="warranty-claim-yes" />
          <Radio value="no" label={t('ui.counter.warrantyClaim.no')} data-testid="warranty-claim-no" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={3} spacing="xs">
        <TextInput
          label={t('ui.counter.promisedDate')}
          description={`${weekday(form.promisedDate, locale)} · ${t('ui.counter.promisedHint')}`}
          value={form.promisedDate}
          error={errors.promisedDate}
          data-testid="promised-date"
          onChange={(e) => set({ promisedDate: e.currentTarget.value })}
          onKeyDown={(e) => {
            if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && isCalendarDate(form.promisedDate)) {
              e.preventDefault();
              set({ promisedDate: addDaysToDate(form.promisedDate, e.key === 'ArrowUp' ? 1 : -1) });
            }
          }}
        />
        <NumberInput
          label={t('ui.counter.deposit')}
          prefix="¥"
          min={0}
          decimalScale={2}
          value={form.depositYuan}
          error={errors.depositFen}
          onChange={(v) => set({ depositYuan: v === '' ? '' : Number(v) })}
        />
        <Select
          label={t('ui.counter.technician')}
          placeholder={t('ui.counter.technicianNone')}
          data={technicians.map((u) => ({ value: u.id, label: u.displayName }))}
          value={form.technicianId}
          clearable
          searchable
          error={errors.technicianId}
          onChange={(v) => set({ technicianId: v })}
        />
      </SimpleGrid>
      <ServiceFields value={form} errors={errors} onChange={set} />
      <ToggleChips
        label={t('ui.counter.findings.title')}
        description={t('ui.counter.findings.hint')}
        testId="findings"
        choices={FINDINGS.map((f) => ({ value: f, label: t(`tickets.finding.${f}`) }))}
        value={form.findings}
        onChange={(v) => set({ findings: v as Finding[] })}
      />
      <PhotosField value={form.photos} onChange={(photos) => set({ photos })} error={errors.photos} />
    </Stack>
  );
}
