/**
 * A console caller over real HTTP, as the browser is one: it keeps the session cookie the server
 * sets (and sends it back like a browser, only to the same origin), sends JSON, and says which
 * origin it comes from when asked to.
 */
import { ADMIN_TOKEN, type TestHq } from '../../helpers/hq';
import { listen, rawRequest } from '../../security/hq-helpers';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: { code: string; message: string; details: Record<string, unknown> } };
  setCookie: string | null;
}

export class ConsoleClient {
  cookie: string | null = null;
  constructor(
    readonly base: string,
    readonly opts: { origin?: string; host?: string; locale?: string; token?: string } = {},
  ) {}

  async call<T = Record<string, unknown>>(name: string, input: unknown = {}, extra: Record<string, string> = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': this.opts.locale ?? 'en', ...extra };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.opts.origin) headers.origin = this.opts.origin;
    if (this.opts.host) headers.host = this.opts.host;
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    // node:http, not fetch: fetch sets Host itself, and a rebinding page's Host is what is tested.
    const res = await rawRequest(this.base, { path: `/console/api/${name}`, headers, chunks: [Buffer.from(JSON.stringify(input))] });
    const raw = res.headers['set-cookie'];
    const setCookie = raw ? raw[0]! : null;
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair!.endsWith('=') ? null : pair!;
    }
    return { status: res.status, body: res.json as Answer<T>['body'], setCookie };
  }

  async signIn(username: string, password: string): Promise<Answer> {
    return this.call('auth.signIn', { username, password });
  }
}

export const PASSWORDS = { admin: 'admin-password-1', other: 'other-password-1' };

/** A listening head office with a first network admin made with the admin token (as a script would). */
export async function consoleHq(hq: TestHq): Promise<{ base: string; token: ConsoleClient }> {
  const base = await listen(hq);
  const token = new ConsoleClient(base, { token: ADMIN_TOKEN });
  return { base, token };
}

/** A console person signed in with the password addUser gives (fails the test if the sign-in is refused). */
export async function signedIn(base: string, username: string, locale = 'en', password = PASSWORDS.other): Promise<ConsoleClient> {
  const c = new ConsoleClient(base, { locale });
  const r = await c.signIn(username, password);
  if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

export async function addUser(token: ConsoleClient, username: string, role: string, password = PASSWORDS.other): Promise<{ id: string }> {
  const r = await token.call<{ id: string }>('users.create', { username, displayName: username, role, password });
  if (r.status !== 200) throw new Error(`users.create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
