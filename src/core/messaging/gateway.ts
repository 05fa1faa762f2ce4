/**
 * The pluggable SMS gateway (issue 20, point 4): one interface, three adapters — Alibaba Cloud
 * SMS (aliyun.ts), Tencent Cloud SMS (tencent.ts) and a log-only gateway for demos and tests
 * (log-gateway.ts). Head office builds one from its own settings; a shop that is not enrolled
 * builds one from the settings its manager saved (shop-gateway.ts, encrypted at rest).
 *
 * This module and the adapters do no database or secret I/O, so head office (src/hq) may use
 * them as they are; retries and their schedule are in send-with-retry.ts.
 */
import type { Clock } from '../../shared/util/ids';
import { gatewaySettingsSchema, type GatewayKind, type GatewaySettings, type GatewaySettingsInput } from '../../shared/messaging/gateway-settings';
import { aliyunGateway } from './aliyun';
import { tencentGateway } from './tencent';
import { logGateway, type LogGatewayOptions } from './log-gateway';

export { gatewaySettingsSchema, redactGatewaySettings, type GatewayKind, type GatewaySettings, type GatewaySettingsInput } from '../../shared/messaging/gateway-settings';

export interface SmsMessage {
  /** E.164, e.g. +8613812345678. */
  to: string;
  /** The provider's template id (see templateFor). */
  templateCode: string;
  /** The template's variables; Tencent's templates take them in this object's order ({1}, {2}, …). */
  params: Record<string, string>;
  /** The rendered text, for the log gateway and the record of what the customer was told. */
  text: string;
}

export type SendResult =
  | { ok: true; providerId: string }
  /** `retryable`: the same message may succeed later (a limit, a provider or network fault); else it never will. */
  | { ok: false; retryable: boolean; code: string; message: string };

export interface SmsGateway {
  kind: GatewayKind;
  send(msg: SmsMessage): Promise<SendResult>;
}

export interface GatewayDeps {
  /** Signatures carry the time, so the clock is the caller's (a real one in production). */
  clock: Clock;
  /** Give up on a provider that does not answer after this long (a retryable TIMEOUT). Default 10 s. */
  timeoutMs?: number;
  /** For the log gateway. */
  log?: LogGatewayOptions;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

/** The gateway the settings describe (parsed here, so stored settings missing a default still work). */
export function createGateway(settings: GatewaySettings | GatewaySettingsInput, deps: GatewayDeps): SmsGateway {
  const s = gatewaySettingsSchema.parse(settings);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  switch (s.kind) {
    case 'aliyun':
      return aliyunGateway(s, { clock: deps.clock, timeoutMs });
    case 'tencent':
      return tencentGateway(s, { clock: deps.clock, timeoutMs });
    case 'log':
      return logGateway({ clock: deps.clock, ...deps.log });
  }
}

/** The provider template for a kind of message, or null when the settings name none (the message cannot be sent). */
export function templateFor(settings: Pick<GatewaySettings, 'templates'>, messageKind: string): string | null {
  return Object.hasOwn(settings.templates, messageKind) ? settings.templates[messageKind]! : null;
}
