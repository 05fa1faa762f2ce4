/**
 * The console's calls: POST /console/api/<name> with JSON, the session in an httpOnly cookie the
 * browser sends by itself (no script ever holds it), errors thrown as ConsoleError with the
 * server's words in the UI's language.
 */
import { CONSOLE_API_PREFIX, type HqInput, type HqOutputs, type HqProcedure } from '../../shared/hq-console/contract';
import type { Locale } from '../../shared/i18n/types';

export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function call<P extends HqProcedure>(name: P, input: HqInput<P>, locale: Locale): Promise<HqOutputs[P]> {
  let res: Response;
  try {
    res = await fetch(CONSOLE_API_PREFIX + name, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'accept-language': locale },
      body: JSON.stringify(input),
    });
  } catch (e) {
    throw new ConsoleError(0, 'UNREACHABLE', e instanceof Error ? e.message : String(e));
  }
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: Record<string, unknown> } };
  if (!res.ok) throw new ConsoleError(res.status, body.error?.code ?? 'INTERNAL', body.error?.message ?? `HTTP ${res.status}`, body.error?.details);
  return body as HqOutputs[P];
}

/** The session ended (expired, signed out elsewhere, disabled): the app goes back to sign-in. */
export const sessionEnded = (e: unknown) => e instanceof ConsoleError && e.status === 401;
