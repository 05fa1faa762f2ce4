import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { testClockFromEnv } from '../../../src/server/cli';

const ROOT = new URL('../../..', import.meta.url).pathname;

/** Starts `npm run serve`'s entry as a real process; resolves with its URL once it listens. */
function serve(env: Record<string, string>): Promise<{ url: string; stop: () => void } | { exit: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--data-dir', tempDir('fixpoint-clock-'), '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => {
      out += b;
      const m = /on (http:\/\/[^\s/]+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill() });
    });
    child.stderr.on('data', (b) => (err += b));
    child.on('exit', (code) => resolve({ exit: code ?? -1, stderr: err }));
  });
}

const post = async (url: string, name: string, body: unknown, token?: string) =>
  (await fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  }).then((r) => r.json())) as { ok: boolean; data: Record<string, unknown> };

describe('the shop host on a test clock', () => {
  it('FIXPOINT_TEST_CLOCK sets the shop day the host works in, whatever the machine date', async () => {
    const host = await serve({ FIXPOINT_TEST_CLOCK: '2031-02-03T04:00:00Z', NODE_ENV: 'test' });
    if (!('url' in host)) throw new Error(`host did not start: ${host.stderr}`);
    try {
      const setup = await post(host.url, 'setup.run', {
        shop: { name: '时钟店', code: 'TC01' },
        admin: { username: 'admin', displayName: '管理员', password: 'correct-horse' },
      });
      const dash = await post(host.url, 'reports.dashboard', {}, setup.data.token as string);
      // 04:00 UTC is 12:00 in Shenzhen: the same calendar day
      expect(dash.data.today).toBe('2031-02-03');
    } finally {
      host.stop();
    }
  });

  it('a production run refuses the test clock and does not start', async () => {
    const host = await serve({ FIXPOINT_TEST_CLOCK: '2031-02-03T04:00:00Z', NODE_ENV: 'production' });
    expect(host).toMatchObject({ exit: 1 });
    expect((host as { stderr: string }).stderr).toContain('refused in production');
  });

  it('without the variable the host keeps the real clock; a malformed instant is refused', () => {
    expect(testClockFromEnv({})).toBeUndefined();
    expect(() => testClockFromEnv({ FIXPOINT_TEST_CLOCK: 'next tuesday' })).toThrow(/not an ISO instant/);
  });
});
