import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { makeBackend, tempDir } from '../../helpers/backend';
import { startShopHost, type ShopHost } from '../../../src/server/shop-host';
import type { Backend } from '../../../src/core';

/** A built renderer as the web build writes it: index.html, a hashed script and its .br/.gz twins. */
const SCRIPT = 'console.log("前台");\n'.repeat(200);
const INDEX = '<!doctype html><html><body><div id="root"></div><script type="module" src="./assets/index-Ab12Cd34.js"></script></body></html>';
let backend: Backend;
let host: ShopHost;
let unbuilt: ShopHost;
let place: string;

beforeAll(async () => {
  ({ backend } = makeBackend());
  place = tempDir();
  const root = path.join(place, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), INDEX);
  fs.writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js'), SCRIPT);
  fs.writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js.br'), zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(root, 'assets/index-Ab12Cd34.js.gz'), zlib.gzipSync(SCRIPT));
  // Beside the root, never to be served.
  fs.writeFileSync(path.join(place, 'secret.txt'), 'the shop database key');
  fs.writeFileSync(path.join(place, 'secret'), 'the shop database key');
  host = await startShopHost({ backend, port: 0, staticDir: root });
  unbuilt = await startShopHost({ backend, port: 0, staticDir: null });
});
afterAll(async () => {
  await host.close();
  await unbuilt.close();
  await backend.close();
  fs.rmSync(place, { recursive: true, force: true });
});

/** Raw GET: the path goes out exactly as written (fetch would normalise `..` away), the body as bytes. */
function get(target: ShopHost, rawPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: target.port, path: rawPath, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

describe('the shop host serves the built screens', () => {
  it('sends the brotli file to a browser that accepts br, as JavaScript, cached for good', async () => {
    const res = await get(host, '/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
  });

  it('sends gzip to a browser that accepts only gzip', async () => {
    const res = await get(host, '/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(SCRIPT);
  });

  it('sends the plain file when no encoding is accepted', async () => {
    const res = await get(host, '/assets/index-Ab12Cd34.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.body.toString('utf8')).toBe(SCRIPT);
  });

  it('sends index.html with the page policy and no-cache, for / and for client routes', async () => {
    for (const p of ['/', '/index.html', '/tickets/T-0001']) {
      const res = await get(host, p, { 'accept-encoding': 'br' });
      expect(res.status, p).toBe(200);
      expect(res.headers['content-type'], p).toBe('text/html;charset=utf-8');
      expect(res.headers['cache-control'], p).toBe('no-cache');
      expect(res.headers['content-security-policy'], p).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], p).toContain("frame-ancestors 'none'");
      expect(res.body.toString('utf8'), p).toBe(INDEX);
    }
  });

  it('refuses every path outside the built screens', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/../secret']) {
      const res = await get(host, p);
      expect(res.body.toString('utf8'), p).not.toContain('database key');
    }
    const res = await get(host, '/../secret.txt', { 'accept-language': 'en' });
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).toBe('No such file: /../secret.txt');
  });

  it('answers a missing script with a 404 in the caller’s language, not with the page', async () => {
    const zh = await get(host, '/assets/gone-Zz99Yy88.js', { 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(404);
    expect(zh.body.toString('utf8')).toBe('找不到文件：/assets/gone-Zz99Yy88.js');
  });

  it('says the screens are not built when there is no build', async () => {
    const res = await get(unbuilt, '/', { 'accept-language': 'en' });
    expect(res.status).toBe(404);
    expect(res.body.toString('utf8')).toBe('The screens are not built yet; run npm run build:web');
  });
});
