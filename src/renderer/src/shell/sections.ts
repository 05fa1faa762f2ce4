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
