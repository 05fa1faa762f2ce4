/** Raw HTTP for attacks: any Host, Origin or content type, as a hostile page or script sends it. */
import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: { ok: boolean; data?: unknown; error?: { code: string; message: string; details: Record<string, unknown> } };
}

export function request(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string },
): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers ?? {}, localAddress: opts.localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Answer['json'] = { ok: false };
          try {
            json = JSON.parse(text) as Answer['json'];
          } catch {
            /* not JSON: the test looks at the text */
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** A same-origin JSON call as our own page makes it (Host is the host's own, no foreign Origin). */
export async function api(base: string, name: string, input: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return request(base, { path: `/api/${name}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(input) });
}
