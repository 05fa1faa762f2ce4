import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, resolveAppRequest, type FileKind } from '../../../src/main/security/app-protocol';

/**
 * The app:// protocol serves the built renderer and nothing else: on a real folder with a
 * secret beside it, every way of walking out of the folder is refused; client routes get
 * index.html; every file carries the CSP header.
 */
describe('app:// protocol', () => {
  let root = '';
  let renderer = '';
  const kind = (f: string): FileKind => {
    try {
      const st = fs.statSync(f);
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : null;
    } catch {
      return null;
    }
  };
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-app-'));
    renderer = path.join(root, 'out', 'renderer');
    fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
    fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'export {}');
    fs.writeFileSync(path.join(root, 'out', 'secret.key.enc'), 'secret');
    fs.writeFileSync(path.join(root, 'out', 'renderer-evil.js'), 'evil');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const resolve = (url: string, method?: string) => resolveAppRequest(renderer, url, kind, method);

  it('serves the entry, assets and client routes with the CSP and nosniff', () => {
    const entry = resolve(APP_ENTRY_URL);
    expect(entry).toMatchObject({ ok: true, file: path.join(renderer, 'index.html') });
    expect(resolve('app://fixpoint/')).toMatchObject({ ok: true, file: path.join(renderer, 'index.html') });
    const js = resolve('app://fixpoint/assets/index-abc.js');
    expect(js).toMatchObject({ ok: true, file: path.join(renderer, 'assets', 'index-abc.js') });
    if (!js.ok) return;
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['x-content-type-options']).toBe('nosniff');
    expect(js.headers['content-security-policy']).toContain("object-src 'none'");
    expect(resolve('app://fixpoint/tickets/123?tab=quote')).toMatchObject({ ok: true, file: path.join(renderer, 'index.html') });
    expect(resolve('app://fixpoint/assets/missing.js')).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    'app://fixpoint/%2e%2e/secret.key.enc',
    'app://fixpoint/assets/%2e%2e/%2e%2e/secret.key.enc',
    'app://fixpoint/%2e%2e/renderer-evil.js',
    'app://fixpoint/../../secret.key.enc',
    'app://fixpoint/%2E%2E%2Fsecret.key.enc',
    'app://fixpoint/..%2f..%2f..%2fetc%2fpasswd',
    'app://fixpoint/assets%2f..%2f..%2fsecret.key.enc',
  ])('never serves a file outside the folder: %s', (url) => {
    const r = resolve(url);
    expect(r.ok ? r.file.startsWith(renderer + path.sep) : true).toBe(true);
  });

  it.each(['app://fixpoint/%2E%2E%2Fsecret.key.enc', 'app://fixpoint/..%2f..%2f..%2fetc%2fpasswd', 'app://fixpoint/assets%2f..%2f..%2fsecret.key.enc'])(
    'refuses an encoded way out that survives URL parsing: %s',
    (url) => {
      expect(resolve(url)).toMatchObject({ ok: false, status: 403 });
    },
  );

  it.each(['app://fixpoint/..%5c..%5csecret.key.enc', 'app://fixpoint/index.html%00.js', 'app://fixpoint/%E0%A4%A'])('refuses a path that does not decode cleanly: %s', (url) => {
    expect(resolve(url)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses other hosts, schemes and methods', () => {
    expect(resolve('app://evil.example/index.html')).toMatchObject({ ok: false, status: 404 });
    expect(resolve('file:///etc/passwd')).toMatchObject({ ok: false, status: 404 });
    expect(resolve(APP_ENTRY_URL, 'POST')).toMatchObject({ ok: false, status: 405 });
  });

});
