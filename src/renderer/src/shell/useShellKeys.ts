import { useEffect, useRef } from 'react';
import { isHelpShortcut, isSearchShortcut, isSwitchUserShortcut, sectionForShortcut, type SectionId } from './sections';

/** The shell's global shortcuts; capture phase so focused inputs and modals cannot swallow them. */
export function useShellKeys(handlers: { onSection(s: SectionId): void; onSearch(): void; onHelp(): void; onSwitchUser(): void }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const section = sectionForShortcut(e);
      if (section) {
        e.preventDefault();
        ref.current.onSection(section);
      } else if (isSearchShortcut(e)) {
        e.preventDefault();
        ref.current.onSearch();
      } else if (isHelpShortcut(e)) {
        e.preventDefault();
        ref.current.onHelp();
      } else if (isSwitchUserShortcut(e)) {
        e.preventDefault();
        ref.current.onSwitchUser();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
