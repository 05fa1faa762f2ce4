import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { AppShell, Badge, Burger, Button, Group, Kbd, NavLink, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useDisclosure } from '@mantine/hooks';
import { useSession } from '../app/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useT } from '../i18n/I18nProvider';
import { SearchModal } from './SearchModal';
import { ShortcutsModal } from './ShortcutsModal';
import { SectionPage } from './SectionPage';
import { SECTIONS } from './sections';
import { useShellKeys } from './useShellKeys';
import { useFetchCall } from '../data/calls';
import { useOpen, useSectionPath } from '../nav/useNav';
import { overlayOf, sectionOf } from '../nav/paths';
import { TicketDrawers } from '../tickets/TicketDrawers';
import { prefetchSections } from '../app/chunks';

/** Signed-in frame: header (shop, search, user, language, switch, sign out), section navbar, page. */
export function Shell() {
  const t = useT();
  const { user, shop, signOut, switchUser } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const open = useOpen();
  const section = sectionOf(useSectionPath())?.section ?? 'counter';
  const [searchOpen, setSearchOpen] = useState(false);
  const [navOpen, nav] = useDisclosure(false);
  const go = (s: string) => (navigate(`/${s}`), nav.close());

  const [helpOpen, help] = useDisclosure(false);
  useShellKeys({ onSection: go, onSearch: () => setSearchOpen(true), onHelp: help.open, onSwitchUser: () => void switchUser() });

  // A scan opens the ticket its barcode names, unless a scan field took it as its text (an IMEI,
  // a serial): a scan into any other field leaves that field's text as it was. The bench opens a
  // scanned ticket at the workbench itself, so no drawer covers it there.
  const fetchCall = useFetchCall();
  useBarcodeScanner((code, info) => {
    if (info.field !== null || section === 'bench') return;
    fetchCall('tickets.byBarcode', { code }).then(
      (r) => (setSearchOpen(false), open.ticket(r.number)),
      (e: Error) => notifications.show({ color: 'red', title: t('ui.scan.title'), message: e.message || t('ui.scan.scanned', { code }), autoClose: 5000 }),
    );
  });
  useEffect(() => prefetchSections(), []);
  // An address that is no screen (the first start, an old bookmark) shows the counter.
  if (!sectionOf(location.pathname) && !overlayOf(location.pathname)) return <Navigate to="/counter/intake" replace />;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('ui.shell.menu')} />
            <Text fw={700} c="indigo.7" truncate data-testid="shop-name">
              {shop?.settings.name ?? t('ui.app.name')}
            </Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => setSearchOpen(true)}
              rightSection={
                <Kbd size="xs" style={{ whiteSpace: 'nowrap' }}>
                  Ctrl K
                </Kbd>
              }
              visibleFrom="md"
              w={260}
              justify="space-between"
              c="dimmed"
              styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
            >
              {t('ui.search.button')}
            </Button>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group gap={6} wrap="nowrap" data-testid="current-user">
              <Text size="sm" fw={600}>
                {user.displayName}
              </Text>
              <Badge variant="light" size="sm" tt="none">
                {t(`role.${user.role}`)}
              </Badge>
            </Group>
            <Tooltip label={t('ui.shortcuts.hint')}>
              <Button variant="subtle" size="xs" onClick={help.open} data-testid="shortcuts-open" rightSection={<Kbd size="xs">?</Kbd>} visibleFrom="md">
                {t('ui.shortcuts.button')}
              </Button>
            </Tooltip>
            <LanguageSwitch />
            <Tooltip label={t('ui.shell.switchUserHint')}>
              <Button variant="subtle" size="xs" onClick={() => void switchUser()} data-testid="switch-user" rightSection={<Kbd size="xs">F2</Kbd>}>
                {t('ui.shell.switchUser')}
              </Button>
            </Tooltip>
            <Button variant="light" color="gray" size="xs" onClick={() => void signOut()}>
              {t('ui.shell.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('ui.shell.sections')}>
        {SECTIONS.map((id, i) => (
          <NavLink
            key={id}
            component="button"
            active={section === id}
            onClick={() => go(id)}
            label={t(`ui.section.${id}`)}
            rightSection={
              <Text size="xs" c="dimmed">
                Alt+{i + 1}
              </Text>
            }
            data-testid={`nav-${id}`}
            style={{ borderRadius: 6 }}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main bg="gray.0">
        <SectionPage section={section} />
      </AppShell.Main>

      <SearchModal opened={searchOpen} onClose={() => setSearchOpen(false)} />
      <ShortcutsModal opened={helpOpen} onClose={help.close} />
      <TicketDrawers />
    </AppShell>
  );
}
