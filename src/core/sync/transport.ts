/**
 * How the shop reaches head office. The default is fetch (async: the backend keeps answering
 * calls while a request is in flight); tests put a fault-injecting transport in its place.
 */
export interface SyncResponse {
  status: number;
  body: Buffer;
}

export interface SyncTransport {
  post(url: string, body: Buffer, headers: Record<string, string>, timeoutMs: number): Promise<SyncResponse>;
}

export const fetchTransport: SyncTransport = {
  async post(url, body, headers, timeoutMs) {
    const res = await fetch(url, { method: 'POST', body: body as unknown as NonNullable<RequestInit['body']>, headers, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  },
};

/** Words for a network failure ("ECONNREFUSED", "timeout"), never a stack trace. */
export function networkReason(e: unknown): string {
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timeout';
  return String(err?.cause?.code ?? err?.code ?? err?.cause?.message ?? err?.message ?? 'network error').slice(0, 120);
}
