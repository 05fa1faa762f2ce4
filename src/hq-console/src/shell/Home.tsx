import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { useMe } from './me';
import type { Section } from './sections';

export function Home({ sections }: { sections: readonly Section[] }) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Stack maw={640}>
      <Title order={2}>{t('ui.hq.home.welcome', { name: me.user.displayName })}</Title>
      <Text c="dimmed">{t(sections.length ? 'ui.hq.home.sections' : 'ui.hq.home.noSections')}</Text>
      {sections.map((s) => (
        <Anchor key={s.id} component={Link} to={s.path}>
          {t(`ui.hq.section.${s.id}`)}
        </Anchor>
      ))}
    </Stack>
  );
}
