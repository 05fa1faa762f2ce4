import type { SendResult } from './gateway';

/** A provider's answer, or the failure that stood in for one. */
export type HttpAnswer = { status: number; body: string } | { failed: SendResult & { ok: false } };

/**
 * One request to a provider with a deadline. A timeout and a network fault (refused, reset,
 * DNS) are retryable: nothing says the message went out, and the providers' send calls are
 * meant to be repeated by the caller (a duplicate is the lesser harm than a customer never told).
 */
export async function postWithDeadline(url: string, init: { headers: Record<string, string>; body: string }, timeoutMs: number): Promise<HttpAnswer> {
  try {
    const res = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    return { status: res.status, body: await res.text() };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError')
      return { failed: { ok: false, retryable: true, code: 'TIMEOUT', message: `no answer within ${timeoutMs} ms` } };
    return { failed: { ok: false, retryable: true, code: 'NETWORK', message: err.cause?.code ?? err.message } };
  }
}

/** A 5xx is the provider's fault and passes (DESIGN: failures retry with backoff). */
export function serverError(status: number, body: string): SendResult & { ok: false } {
  return { ok: false, retryable: true, code: `HTTP_${status}`, message: body.slice(0, 200) };
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
