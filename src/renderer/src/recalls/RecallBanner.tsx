import { Alert, Badge, Group, Stack, Switch, Text } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider';
import type { RecallHit } from './useRecalls';

/**
 * The recall banner at intake: each campaign that covers the device, with head office's action
 * and instructions in the counter's language. Accepting it records the campaign on the ticket
 * (the intake's recallIds); it never blocks saving.
 */
export function RecallBanner({ hits, accepted, onChange }: { hits: RecallHit[]; accepted: string[]; onChange(ids: string[]): void }) {
  const { t, locale } = useI18n();
  if (hits.length === 0) return null;
  const zh = locale === 'zh-CN';
  return (
    <Stack gap="xs" data-testid="recall-banner">
      {hits.map(({ campaign: c, by }) => {
        const on = accepted.includes(c.id);
        return (
          <Alert key={c.id} color="red" variant="light" title={t('ui.recalls.banner.title', { code: c.code, title: zh ? c.titleZh : c.titleEn })} data-recall={c.code}>
            <Stack gap={6}>
              <Group gap="xs">
                <Badge color="red">{t(`recalls.action.${c.action}`)}</Badge>
                <Text size="xs" c="dimmed">
                  {t(`recalls.matchedBy.${by}`)} · {t('ui.recalls.banner.until', { date: c.endDate })}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {zh ? c.instructionsZh : c.instructionsEn}
              </Text>
              <Switch
                color="red"
                checked={on}
                onChange={(e) => onChange(e.currentTarget.checked ? [...accepted, c.id] : accepted.filter((x) => x !== c.id))}
                label={t('ui.recalls.banner.accept')}
                data-testid={`recall-accept-${c.code}`}
              />
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
