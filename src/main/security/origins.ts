/**
 * Origins of URLs as Electron reports them. Node's URL gives custom schemes (app://) the origin
 * "null", so the origin is rebuilt from scheme and host; a blob: URL has its creator's origin.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol === 'blob:') return originOf(u.pathname);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/** The renderer's own origins: app://fixpoint, plus the dev server's only while unpackaged. */
export function trustedOrigins(appOrigin: string, devUrl: string | null): string[] {
  const dev = devUrl ? originOf(devUrl) : null;
  return dev ? [appOrigin, dev] : [appOrigin];
}

export function isTrustedOrigin(url: string, origins: readonly string[]): boolean {
  const o = originOf(url);
  return o !== null && origins.includes(o);
}
