/**
 * Electron glue of the app:// protocol (rules in security/app-protocol.ts): the scheme is
 * registered as standard and secure before the app is ready, then served from out/renderer
 * (inside the ASAR when packaged: fs reads it there) with the CSP and the other headers.
 */
import fs from 'node:fs';
import { protocol, type Session } from 'electron';
import { APP_SCHEME, resolveAppRequest, type FileKind } from './security/app-protocol';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

function kindOf(file: string): FileKind {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

export function serveApp(ses: Session, rendererDir: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    const r = resolveAppRequest(rendererDir, request.url, kindOf, request.method);
    if (!r.ok) return new Response(null, { status: r.status });
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(r.file);
    return new Response(body, { status: 200, headers: r.headers });
  });
}
