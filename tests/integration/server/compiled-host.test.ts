import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/backend';
import fs from 'node:fs';
import { buildNode, EXTERNAL, NODE_OUT } from '../../../scripts/build-node.mjs';

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

  it('head office compiled the same way starts and answers, without tsx', async () => {
    const child = spawn(process.execPath, [path.join(NODE_OUT as string, 'hq/cli.mjs'), '--data-dir', tempDir('fixpoint-built-hq-'), '--port', '0'], {
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (b) => {
          out += b;
          const m = /HQ-LISTENING (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      // an unknown shop's pull is refused in the protocol's words: the whole app answered, not a stub
      const res = await fetch(`${url}/sync/v1/pull`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer nobody' }, body: '{}' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    } finally {
      child.kill();
    }
  });

  it('bundles the pure-JavaScript packages: only the native and the lazily loaded ones are imported from node_modules', () => {
    for (const entry of ['server/cli.mjs', 'hq/cli.mjs']) {
      const code = fs.readFileSync(path.join(NODE_OUT as string, entry), 'utf8');
      // esbuild writes an external as a top-level `import … from "x"` or a dynamic `import("x")`
      const specs = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";/gm), ...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]!);
      const imported = new Set(specs.filter((n) => !n.startsWith('node:') && !n.startsWith('.') && !n.startsWith('/')));
      const packages = [...imported].map((n) => (n.startsWith('@') ? n.split('/').slice(0, 2).join('/') : n.split('/')[0]!));
      expect(packages.filter((p) => !EXTERNAL.includes(p)), entry).toEqual([]);
    }
  });
});
