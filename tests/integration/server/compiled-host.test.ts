import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import { buildNode, NODE_OUT } from '../../../scripts/build-node.mjs';

/** What `npm run serve` runs in production: the compiled host under plain Node, no tsx. */
describe('the compiled shop host', () => {
  it('builds to out/node and answers over HTTP without TypeScript at run time', async () => {
    await buildNode();
    const child = spawn(process.execPath, [path.join(NODE_OUT as string, 'server/cli.mjs'), '--data-dir', tempDir('fixpoint-built-'), '--port', '0'], {
      env: { ...process.env, FIXPOINT_TEST_CLOCK: '2026-11-23T02:00:00Z', NODE_OPTIONS: '' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b) => {
          out += b;
          const m = /on (http:\/\/[^\s/]+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const res = await fetch(`${url}/api/setup.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const body = (await res.json()) as { ok: boolean };
      expect(body.ok).toBe(true);
      // tsx never loaded: the process runs the compiled file alone
      expect(child.spawnargs.join(' ')).not.toContain('tsx');
    } finally {
      child.kill();
    }
  });
});
