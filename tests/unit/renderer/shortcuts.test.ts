import { describe, expect, it } from 'vitest';
import { isHelpShortcut, isSwitchUserShortcut } from '../../../src/renderer/src/shell/sections';

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

describe('F2 switches user', () => {
  const f2 = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey', boolean>> = {}) =>
    isSwitchUserShortcut({ key, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...mods });
  it('is F2 alone, from anywhere (a function key types nothing into a field)', () => {
    expect(f2('F2')).toBe(true);
  });
  it('is not F2 with a modifier, nor another key', () => {
    expect(f2('F2', { ctrlKey: true })).toBe(false);
    expect(f2('F2', { shiftKey: true })).toBe(false);
    expect(f2('F2', { altKey: true })).toBe(false);
    expect(f2('F1')).toBe(false);
    expect(f2('2')).toBe(false);
  });
});
