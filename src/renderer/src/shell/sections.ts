/** The five work areas, in navbar order; Alt+1..5 follow this order. */
export const SECTIONS = ['counter', 'bench', 'stock', 'reports', 'settings'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Alt+digit → section, by physical key (event.code), since Alt changes event.key on some layouts. */
export function sectionForShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): SectionId | null {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code);
  if (!m) return null;
  return SECTIONS[Number(m[1]) - 1] ?? null;
}

/** Ctrl+K (Cmd+K on a Mac) opens search from anywhere, even from inside a text field. */
export function isSearchShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k');
}

/**
 * `?` opens the list of shortcuts, but only where it cannot be text: in a field it is a question mark.
 * (Shift is how `?` is typed on most layouts, so only Ctrl, Alt and Meta rule it out.)
 */
export function isHelpShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'key'> & { target: EventTarget | null }): boolean {
  if (e.key !== '?' || e.ctrlKey || e.altKey || e.metaKey) return false;
  const el = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  return !(tag === 'input' || tag === 'textarea' || tag === 'select' || el?.isContentEditable);
}

/**
 * F2 hands a shared counter PC to the next person (the PIN switch screen). A function key types
 * nothing, so it works from inside a field too; no modifier, since a hand on a scanner has one free.
 */
export function isSwitchUserShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'key'>): boolean {
  return e.key === 'F2' && !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
}
