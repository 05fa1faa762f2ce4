import { describe, expect, it } from 'vitest';
import { isHelpShortcut } from '../../../src/renderer/src/shell/sections';

const key = (k: string, target: { tagName?: string; isContentEditable?: boolean } | null, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) =>
  isHelpShortcut({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods, target: target as EventTarget | null });

describe('the ? shortcut list', () => {
  it('opens on ? typed outside a field (Shift is how ? is typed)', () => {
    expect(key('?', { tagName: 'BODY' })).toBe(true);
    expect(key('?', { tagName: 'BUTTON' })).toBe(true);
    expect(key('?', null)).toBe(true);
  });

  it('is a question mark in a text field, a select or an editable box, and nothing with Ctrl, Alt or Meta', () => {
    expect(key('?', { tagName: 'INPUT' })).toBe(false);
    expect(key('?', { tagName: 'TEXTAREA' })).toBe(false);
    expect(key('?', { tagName: 'SELECT' })).toBe(false);
    expect(key('?', { tagName: 'DIV', isContentEditable: true })).toBe(false);
    expect(key('?', { tagName: 'BODY' }, { ctrlKey: true })).toBe(false);
    expect(key('?', { tagName: 'BODY' }, { altKey: true })).toBe(false);
    expect(key('/', { tagName: 'BODY' })).toBe(false);
  });
});
