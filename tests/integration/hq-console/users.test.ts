import { afterAll, describe, expect, it } from 'vitest';
import { openTestHq, sharedPostgres, stopSharedPostgres, type HqDialect } from '../../helpers/hq';
import { ManualClock } from '../../helpers/clock';
import { ConsoleClient, PASSWORDS, addUser, consoleHq } from './console-client';

/**
 * Head-office people over real HTTP on SQLite and PostgreSQL: the first admin made with the admin
 * token, sign-in by cookie, lockout, sessions that end when idle, at their absolute lifetime, on a
 * password change or when the person is disabled, and the audit log that records it all.
 */
const pgAvailable = await sharedPostgres().then((p) => p !== null);
afterAll(() => stopSharedPostgres());

describe.each(['sqlite', 'postgres'] as HqDialect[])('head-office users on %s', (dialect) => {
  const skip = dialect === 'postgres' && !pgAvailable;

  it.skipIf(skip)('a first admin by the admin token signs in; the cookie is httpOnly and SameSite=Strict; sign-out ends it', async () => {
    const clock = new ManualClock();
    const hq = await openTestHq(dialect, { now: () => clock.now() });
    try {
      const { base, token } = await consoleHq(hq);
      const anon = new ConsoleClient(base);
      expect((await anon.call('users.list')).status).toBe(401);
      await addUser(token, 'Root', 'network_admin', PASSWORDS.admin);
      const web = new ConsoleClient(base);
      const signed = await web.signIn('root', PASSWORDS.admin);
      expect(signed.status).toBe(200);
      expect(signed.setCookie).toMatch(/^fixpoint_hq=[A-Za-z0-9_-]{40,}; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=43200$/);
      const me = await web.call<{ user: { username: string; role: string } }>('auth.me');
      expect(me.body.user).toMatchObject({ username: 'root', role: 'network_admin' });
      expect((await web.call<{ users: unknown[] }>('users.list')).body.users).toHaveLength(1);
      const kept = web.cookie;
      expect((await web.call('auth.signOut')).status).toBe(200);
      expect(web.cookie).toBeNull();
      // The old cookie replayed after sign-out is worth nothing.
      const replay = new ConsoleClient(base);
      replay.cookie = kept;
      const gone = await replay.call('auth.me');
      expect(gone.status).toBe(401);
      expect(gone.body.error).toMatchObject({ code: 'SESSION_ENDED', message: 'Your session has ended: sign in again' });
    } finally {
      await hq.close();
    }
  });

  it.skipIf(skip)('five wrong passwords lock the account for 15 minutes, the right one included; an admin reset lifts it', async () => {
    const clock = new ManualClock();
    // The per-address rate limit of sign-in (10 a minute) is tested on its own (tests/security/hq-console-requests.test.ts).
    const hq = await openTestHq(dialect, { now: () => clock.now(), http: { rateLimits: { signIn: 100 } } });
    try {
      const { base, token } = await consoleHq(hq);
      const { id } = await addUser(token, 'wang', 'service_manager');
      const web = new ConsoleClient(base, { locale: 'zh-CN' });
      for (let i = 0; i < 4; i++) expect((await web.signIn('wang', `wrong-password-${i}`)).body.error?.code).toBe('BAD_CREDENTIALS');
      const fifth = await web.signIn('wang', 'wrong-password-5');
      expect(fifth.status).toBe(401);
      const locked = await web.signIn('wang', PASSWORDS.other);
      expect(locked.status).toBe(423);
      expect(locked.body.error?.message).toBe('密码错误次数过多，账号已锁定，请 15 分钟后再试或联系网络管理员');
      // An unknown name is told the same as a wrong password, and locks nothing.
      expect((await web.signIn('nobody', 'whatever-password')).body.error?.code).toBe('BAD_CREDENTIALS');
      clock.advance(14 * 60_000);
      expect((await web.signIn('wang', PASSWORDS.other)).status).toBe(423);
      clock.advance(61_000);
      expect((await web.signIn('wang', PASSWORDS.other)).status).toBe(200);
      // Locked again, then lifted by an admin's reset (which also ends the person's sessions).
      const other = new ConsoleClient(base);
      for (let i = 0; i < 5; i++) await other.signIn('wang', `wrong-again-${i}`);
      expect((await other.signIn('wang', PASSWORDS.other)).status).toBe(423);
      expect((await token.call('users.resetPassword', { id, password: 'reset-password-2' })).status).toBe(200);
      expect((await web.call('auth.me')).status).toBe(401);
      expect((await other.signIn('wang', 'reset-password-2')).status).toBe(200);
      const log = await token.call<{ entries: { action: string; target: string; actorName: string }[] }>('audit.list');
      const actions = log.body.entries.map((e) => `${e.action} ${e.target} by ${e.actorName}`).reverse();
      expect(actions).toEqual([
        'user.create wang by admin token',
        'auth.locked wang by wang',
        'auth.signIn wang by wang',
        'auth.locked wang by wang',
        'user.resetPassword wang by admin token',
        'auth.signIn wang by wang',
      ]);
    } finally {
      await hq.close();
    }
  });

  it.skipIf(skip)('a session ends after 30 idle minutes, and after 12 hours however busy; a password change ends the others', async () => {
    const clock = new ManualClock();
    const hq = await openTestHq(dialect, { now: () => clock.now() });
    try {
      const { base, token } = await consoleHq(hq);
      await addUser(token, 'li', 'analyst');
      const a = new ConsoleClient(base);
      await a.signIn('li', PASSWORDS.other);
      clock.advance(29 * 60_000);
      expect((await a.call('auth.me')).status).toBe(200);
      clock.advance(29 * 60_000); // 58 min after sign-in, 29 after the last use: alive
      expect((await a.call('auth.me')).status).toBe(200);
      clock.advance(31 * 60_000);
      expect((await a.call('auth.me')).status).toBe(401);

      const busy = new ConsoleClient(base);
      await busy.signIn('li', PASSWORDS.other);
      for (let h = 0; h < 24; h++) {
        clock.advance(29 * 60_000);
        const r = await busy.call('auth.me');
        if (h < 24) expect(r.status, `after ${(h + 1) * 29} minutes`).toBe((h + 1) * 29 < 720 ? 200 : 401);
      }

      const first = new ConsoleClient(base);
      const second = new ConsoleClient(base);
      await first.signIn('li', PASSWORDS.other);
      await second.signIn('li', PASSWORDS.other);
      expect((await first.call('auth.changePassword', { current: 'not-it-at-all', next: 'new-password-3' })).body.error?.code).toBe('BAD_CREDENTIALS');
      expect((await first.call('auth.changePassword', { current: PASSWORDS.other, next: 'short' })).body.error?.code).toBe('VALIDATION');
      expect((await first.call('auth.changePassword', { current: PASSWORDS.other, next: 'new-password-3' })).status).toBe(200);
      expect((await first.call('auth.me')).status).toBe(200);
      expect((await second.call('auth.me')).status).toBe(401);
      expect((await second.signIn('li', PASSWORDS.other)).status).toBe(401);
      expect((await second.signIn('li', 'new-password-3')).status).toBe(200);
    } finally {
      await hq.close();
    }
  });

  it.skipIf(skip)('a disabled person is signed out at once and cannot sign in; an admin cannot disable or demote themself', async () => {
    const hq = await openTestHq(dialect);
    try {
      const { base, token } = await consoleHq(hq);
      const root = await addUser(token, 'root', 'network_admin', PASSWORDS.admin);
      const { id } = await addUser(token, 'zhao', 'claims_reviewer');
      const admin = new ConsoleClient(base);
      await admin.signIn('root', PASSWORDS.admin);
      const zhao = new ConsoleClient(base);
      await zhao.signIn('zhao', PASSWORDS.other);
      expect((await admin.call('users.update', { id, disabled: true })).status).toBe(200);
      expect((await zhao.call('auth.me')).status).toBe(401);
      expect((await zhao.signIn('zhao', PASSWORDS.other)).body.error?.code).toBe('DISABLED');
      expect((await admin.call('users.update', { id: root.id, disabled: true })).body.error?.code).toBe('FORBIDDEN');
      expect((await admin.call('users.update', { id: root.id, role: 'analyst' })).body.error?.code).toBe('FORBIDDEN');
      expect((await admin.call('users.create', { username: 'ZHAO', displayName: 'x', role: 'analyst', password: 'long-enough-1' })).body.error?.code).toBe('CONFLICT');
      expect((await admin.call('users.create', { username: 'x y', displayName: '', role: 'boss', password: 'short' })).body.error).toMatchObject({
        code: 'VALIDATION',
        details: { fields: { username: 'validation.username', role: expect.any(String), password: 'validation.hqPassword', displayName: expect.any(String) } },
      });
    } finally {
      await hq.close();
    }
  });
});
