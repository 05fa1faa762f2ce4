import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestHq, type TestHq } from '../helpers/hq';
import { ConsoleClient, PASSWORDS, addUser, consoleHq } from '../integration/hq-console/console-client';
import { PHONE_2001 } from '../../src/shared/warranty/presets';

/**
 * docs/hq-roles.md, read as a table, against the running head office: every endpoint it has
 * (listed from the server's own routes) is in the table, and every role (and no session) gets
 * exactly the access the table gives. Independent of the code's access lists: the expectations
 * come from the document only.
 */
const ROLES = ['network_admin', 'service_manager', 'claims_reviewer', 'analyst'] as const;
type Who = (typeof ROLES)[number] | 'none';
const COLUMNS: Who[] = [...ROLES, 'none'];

function table(): Map<string, Set<Who>> {
  const out = new Map<string, Set<Who>>();
  for (const line of fs.readFileSync('docs/hq-roles.md', 'utf8').split('\n')) {
    const m = line.match(/^\| ((?:GET|POST) \/\S*) \|(.*)\|$/);
    if (!m) continue;
    const cells = m[2]!.split('|').map((c) => c.trim());
    out.set(m[1]!, new Set(COLUMNS.filter((_, i) => cells[i] === '✓')));
  }
  return out;
}

/** Every route of the server as "METHOD /path" (HEAD is Fastify's own twin of each GET). */
function routes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = line.match(/^([│ ]*)[├└]── (\S+) \(([A-Z, ]+)\)/);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    // Each line is the rest of the path after its parent's, which may end in the middle of a
    // segment when one route is a prefix of another (`figures` then `.network`): joined as printed,
    // except that a wildcard or parameter child is printed without the slash before it.
    const parent = depth === 0 ? '' : stack[depth - 1]!;
    const path = parent + (/^[*:]/.test(m[2]!) && !parent.endsWith('/') ? '/' : '') + m[2]!;
    stack[depth] = path;
    for (const method of m[3]!.split(', ')) if (method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out;
}

describe('head-office access by role, as docs/hq-roles.md states it', () => {
  let hq: TestHq;
  let base: string;
  beforeAll(async () => {
    hq = await openTestHq('sqlite', { http: { rateLimits: { signIn: 1000, console: 5000, other: 5000, authFailures: 5000 } } });
    const { base: b, token } = await consoleHq(hq);
    base = b;
    for (const role of ROLES) await addUser(token, role.replace('_', '-'), role, PASSWORDS.other);
  });
  afterAll(() => hq.close());

  it('lists every endpoint head office has, and nothing it has not', () => {
    expect(routes(hq.app).sort()).toEqual([...table().keys()].sort());
  });

  it('gives each role, and no session, exactly the table\'s access', async () => {
    const problems: string[] = [];
    const clients = new Map<Who, ConsoleClient>();
    const clientOf = async (who: Who) => {
      let c = clients.get(who);
      if (!c) {
        c = new ConsoleClient(base);
        if (who !== 'none') expect((await c.signIn(who.replace('_', '-'), PASSWORDS.other)).status).toBe(200);
        clients.set(who, c);
      }
      return c;
    };
    for (const [endpoint, allowed] of table()) {
      const [method, pattern] = endpoint.split(' ') as [string, string];
      const path = pattern.replace(':id', 'no-such-shop').replace('*', 'shops');
      for (const who of COLUMNS) {
        const client = await clientOf(who);
        const headers: Record<string, string> = { 'accept-language': 'en' };
        if (client.cookie) headers.cookie = client.cookie;
        if (method === 'POST') headers['content-type'] = 'application/json';
        const res = await fetch(base + path, { method, headers, redirect: 'manual', ...(method === 'POST' ? { body: '{}' } : {}) });
        // Signing out ends the session: the next call of this role signs in again.
        if (path.endsWith('auth.signOut')) clients.delete(who);
        const refused = res.status === 401 || res.status === 403;
        const expectRefusal = !allowed.has(who);
        if (refused !== expectRefusal) problems.push(`${endpoint} as ${who}: ${res.status} (table says ${expectRefusal ? 'refused' : 'allowed'})`);
        if (expectRefusal && refused && who !== 'none' && pattern.startsWith('/console/api/') && res.status !== 403) problems.push(`${endpoint} as ${who}: ${res.status}, not 403`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
  it('publishing with valid input, as the role doc says: policies by network admins and service managers, shop users by network admins only, never a password hash back', async () => {
    const shop = await hq.service.createShop({ code: 'RL01', name: '角色测试店' });
    const user = { username: 'role-test', displayName: '角色', role: 'counter', password: 'counter-pass-1' };
    const expected: Record<(typeof ROLES)[number], { policy: number; user: number }> = {
      network_admin: { policy: 200, user: 200 },
      service_manager: { policy: 200, user: 403 },
      claims_reviewer: { policy: 403, user: 403 },
      analyst: { policy: 403, user: 403 },
    };
    for (const role of ROLES) {
      const c = new ConsoleClient(base);
      expect((await c.signIn(role.replace('_', '-'), PASSWORDS.other)).status).toBe(200);
      const policy = await c.call('publishing.policies.publish', { policy: PHONE_2001 });
      const provisioned = await c.call('publishing.users.publish', { shopId: shop.shop.id, user: { ...user, username: `u-${role.slice(0, 8)}` } });
      expect({ role, policy: policy.status, user: provisioned.status }).toEqual({ role, ...expected[role] });
      const listed = await c.call('publishing.users.list', { shopId: shop.shop.id });
      expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|passwordHash|counter-pass-1/);
    }
  }, 60_000);
});
