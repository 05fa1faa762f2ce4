import { Button, Group, Text } from '@mantine/core';
import { useCall, useCallMutation } from '../data/calls';
import { useSession } from '../app/session';
import { useI18n } from '../i18n/I18nProvider';
import { formatInstant } from '../i18n/format';

/**
 * Whether the customer receives text messages about their repairs (个人信息保护法), and the
 * counter's way to stop them (an opt-out on the phone or at the counter) or, when the customer
 * asks, to start them. Technicians read it.
 */
export function MessageConsent({ customerId }: { customerId: string }) {
  const { t, locale } = useI18n();
  const { user, shop } = useSession();
  const c = useCall('customers.messageConsent', { id: customerId }).data;
  const set = useCallMutation('customers.setMessageConsent');
  if (!c) return null;
  const state = c.consent === null ? 'never' : c.consent ? 'agreed' : 'refused';
  const other = c.locale === 'en' ? 'zh-CN' : 'en';
  return (
    <Group gap="xs" data-testid="message-consent-state" data-state={state}>
      <Text size="sm">
        {t(`ui.tickets.consent.${state}`)}
        {c.consent ? <Text span size="sm" data-testid="message-consent-locale" data-locale={c.locale}>{` · ${t(`ui.tickets.consent.locale.${c.locale}`)}`}</Text> : null}
        {c.at ? <Text span size="xs" c="dimmed">{` · ${t(`ui.tickets.consent.source.${c.source}`)} ${formatInstant(c.at, locale, shop?.settings.timeZone)}`}</Text> : null}
      </Text>
      {user.role !== 'technician' ? (
        <Button size="compact-xs" variant="subtle" color={c.consent ? 'red' : undefined} loading={set.isPending} onClick={() => set.mutate({ id: customerId, consent: !c.consent })} data-testid="message-consent-toggle">
          {c.consent ? t('ui.tickets.consent.stop') : t('ui.tickets.consent.start')}
        </Button>
      ) : null}
      {user.role !== 'technician' && c.consent ? (
        <Button size="compact-xs" variant="subtle" loading={set.isPending} onClick={() => set.mutate({ id: customerId, consent: true, locale: other })} data-testid="message-consent-locale-switch">
          {t('ui.tickets.consent.switchTo', { language: t(`ui.tickets.consent.locale.${other}`) })}
        </Button>
      ) : null}
    </Group>
  );
}
