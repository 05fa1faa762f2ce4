import { describe, expect, it } from 'vitest';
import { isTrustedSender, splitResult } from '../../../src/main/security/ipc-bridge';
import { trustedOrigins } from '../../../src/main/security/origins';

describe('the IPC bridge', () => {
  const ours = trustedOrigins('app://fixpoint', null);
  const sender = { frameUrl: 'app://fixpoint/index.html', webContentsId: 3, windowWebContentsId: 3, isMainFrame: true };

  it('answers only the main frame of our window on our origin', () => {
    expect(isTrustedSender(sender, ours)).toBe(true);
    expect(isTrustedSender({ ...sender, isMainFrame: false }, ours)).toBe(false);
    expect(isTrustedSender({ ...sender, webContentsId: 4 }, ours)).toBe(false); // a PDF window, say
    expect(isTrustedSender({ ...sender, windowWebContentsId: null }, ours)).toBe(false);
    expect(isTrustedSender({ ...sender, frameUrl: 'file:///tmp/x.html' }, ours)).toBe(false);
    expect(isTrustedSender({ ...sender, frameUrl: 'https://evil.example/' }, ours)).toBe(false);
  });

  it('keeps the session token in main: a sign-in answer reaches the renderer without it', () => {
    const login = { ok: true as const, data: { token: 's3cr3t-token', user: { id: 'u1', username: 'li', role: 'counter' }, expiresAt: '2026-01-01T00:00:00.000Z' } };
    for (const name of ['auth.login', 'auth.pinSwitch', 'setup.run']) {
      const { token, forRenderer } = splitResult(name, login);
      expect(token).toBe('s3cr3t-token');
      expect(forRenderer).toEqual({ ok: true, data: { user: { id: 'u1', username: 'li', role: 'counter' }, expiresAt: '2026-01-01T00:00:00.000Z' } });
      expect(JSON.stringify(forRenderer)).not.toContain('s3cr3t-token');
    }
    // a token in any other answer is dropped too, and not kept
    const other = splitResult('auth.me', { ok: true, data: { token: 'x', user: {} } });
    expect(other).toEqual({ token: undefined, forRenderer: { ok: true, data: { user: {} } } });
  });

  it('keeps the window\'s station secret in main too: the renderer never sees it', () => {
    const login = { ok: true as const, data: { token: 't0k', station: 'st4tion', user: { id: 'u1' }, expiresAt: 'x' } };
    const r = splitResult('auth.login', login);
    expect(r.station).toBe('st4tion');
    expect(JSON.stringify(r.forRenderer)).not.toMatch(/st4tion|t0k/);
    // a station in an answer that does not start a session is dropped, not kept
    const other = splitResult('auth.me', { ok: true, data: { station: 'x', user: {} } });
    expect(other.station).toBeUndefined();
    expect(other.forRenderer).toEqual({ ok: true, data: { user: {} } });
  });

  it('forgets the token on logout and when the session is gone', () => {
    expect(splitResult('auth.logout', { ok: true, data: {} }).token).toBeNull();
    expect(splitResult('shop.get', { ok: false, error: { code: 'SESSION_EXPIRED', message: '', details: {} } }).token).toBeNull();
    expect(splitResult('shop.get', { ok: false, error: { code: 'FORBIDDEN', message: '', details: {} } }).token).toBeUndefined();
  });
});
