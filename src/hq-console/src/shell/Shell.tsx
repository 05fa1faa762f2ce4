import { lazy, Suspense } from 'react';
import { AppShell, Badge, Button, Group, Loader, NavLink, Stack, Text } from '@mantine/core';
import { NavLink as RouterLink, Navigate, Route, Routes, useLocation } from 'react-router';
import type { HqMe } from '../../../shared/hq-console/contract';
import { call } from '../api';
import { LanguageSwitch, useI18n } from '../i18n';
import { Home } from './Home';
import { MeContext } from './me';
import { sectionsFor } from './sections';

// Each section loads when first opened.
const ShopsPage = lazy(() => import('../shops/ShopsPage').then((m) => ({ default: m.ShopsPage })));
const UsersPage = lazy(() => import('../users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const FiguresPage = lazy(() => import('../figures/FiguresPage').then((m) => ({ default: m.FiguresPage })));
const ComplaintsPage = lazy(() => import('../complaints/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })));
const ClaimsPage = lazy(() => import('../claims/ClaimsPage').then((m) => ({ default: m.ClaimsPage })));
const PaymentsPage = lazy(() => import('../claims/PaymentsPage').then((m) => ({ default: m.PaymentsPage })));
const ReturnsPage = lazy(() => import('../returns/ReturnsPage').then((m) => ({ default: m.ReturnsPage })));
const RecallsPage = lazy(() => import('../recalls/RecallsPage').then((m) => ({ default: m.RecallsPage })));
const DevicesPage = lazy(() => import('../devices/DevicesPage').then((m) => ({ default: m.DevicesPage })));
const PublicationsPage = lazy(() => import('../publishing/PublicationsPage').then((m) => ({ default: m.PublicationsPage })));
const EditorsPage = lazy(() => import('../publishing/EditorsPage').then((m) => ({ default: m.EditorsPage })));
const AccountPage = lazy(() => import('./AccountPage').then((m) => ({ default: m.AccountPage })));
const PAGES = { shops: ShopsPage, figures: FiguresPage, complaints: ComplaintsPage, returns: ReturnsPage, claims: ClaimsPage, payments: PaymentsPage, recalls: RecallsPage, devices: DevicesPage, publishing: PublicationsPage, 'publishing-editors': EditorsPage, users: UsersPage, audit: AuditPage };

/** The header (who, role, language, sign out), the sections of the person's role on the left, a URL per screen. */
export function Shell({ me, onSignedOut }: { me: HqMe; onSignedOut(): void }) {
  const { t, locale } = useI18n();
  const where = useLocation().pathname;
  const sections = sectionsFor(me.user.role);
  const signOut = async () => {
    await call('auth.signOut', {}, locale).catch((e: unknown) => console.warn('sign-out', e));
    onSignedOut();
  };
  return (
    <MeContext.Provider value={me}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Text fw={700} c="indigo.7">
              {t('ui.hq.appName')}
            </Text>
            <Group gap="sm">
              <LanguageSwitch />
              <Text size="sm" data-testid="who">
                {me.user.displayName}
              </Text>
              <Badge variant="light">{t(`ui.hq.role.${me.user.role}`)}</Badge>
              <Button size="xs" variant="default" onClick={() => void signOut()}>
                {t('ui.hq.signOut')}
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <Stack gap={2}>
            <NavLink component={RouterLink} to="/" label={t('ui.hq.section.home')} active={where === '/'} />
            {sections.map((s) => (
              <NavLink key={s.id} component={RouterLink} to={s.path} label={t(`ui.hq.section.${s.id}`)} active={where === s.path || where.startsWith(`${s.path}/`)} />
            ))}
            <NavLink component={RouterLink} to="/account" label={t('ui.hq.section.account')} active={where === '/account'} />
          </Stack>
        </AppShell.Navbar>
        <AppShell.Main>
          <Suspense fallback={<Loader aria-label={t('ui.common.loading')} />}>
            <Routes>
              <Route path="/" element={<Home sections={sections} />} />
              {sections.map((s) => {
                const Page = PAGES[s.id];
                return <Route key={s.id} path={s.path} element={<Page />} />;
              })}
              <Route path="/account" element={<AccountPage />} />
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </MeContext.Provider>
  );
}
