import { z } from 'zod';

/**
 * How a shop or head office sends its customers' text messages: which provider, its
 * credentials, and which of the provider's approved templates each message kind uses.
 * In src/shared (pure, no I/O) so the contract that lets a manager configure a gateway and
 * the settings screen validate with the same schema the backend stores with.
 */

/** message kind (e.g. `ready`, `approval_code`) → the provider's approved template id. */
const templates = z.record(z.string().min(1).max(64), z.string().trim().min(1).max(64)).default({});
const text = (max: number) => z.string().trim().min(1).max(max);

export const aliyunGatewaySchema = z.object({
  kind: z.literal('aliyun'),
  accessKeyId: text(128),
  accessKeySecret: text(256),
  /** 短信签名: the approved signature the message is sent under. */
  signName: text(64),
  endpoint: z.url().default('https://dysmsapi.aliyuncs.com'),
  /** dysmsapi answers in cn-hangzhou whichever region the account is in. */
  region: text(64).default('cn-hangzhou'),
  templates,
});

export const tencentGatewaySchema = z.object({
  kind: z.literal('tencent'),
  secretId: text(128),
  secretKey: text(256),
  /** SmsSdkAppId of the SMS application in Tencent's console. */
  sdkAppId: text(32),
  signName: text(64),
  region: text(64).default('ap-guangzhou'),
  endpoint: z.url().default('https://sms.tencentcloudapi.com'),
  templates,
});

/** Sends nothing: writes the message to a log (demos, tests, a shop trying the feature). */
export const logGatewaySchema = z.object({ kind: z.literal('log'), templates });

export const gatewaySettingsSchema = z.discriminatedUnion('kind', [aliyunGatewaySchema, tencentGatewaySchema, logGatewaySchema]);

export type GatewaySettings = z.infer<typeof gatewaySettingsSchema>;
/** What a caller may hand in (the defaults still to be filled). */
export type GatewaySettingsInput = z.input<typeof gatewaySettingsSchema>;
export type GatewayKind = GatewaySettings['kind'];

/**
 * What a manager's screen sends: the same, except that a secret left out keeps the one saved for
 * the same provider (the screen never has it to send back).
 */
export const gatewayInputSchema = z.discriminatedUnion('kind', [
  aliyunGatewaySchema.extend({ accessKeySecret: text(256).optional() }),
  tencentGatewaySchema.extend({ secretKey: text(256).optional() }),
  logGatewaySchema,
]);
export type GatewayInput = z.input<typeof gatewayInputSchema>;

/** The fields that are secrets, per kind: never shown back, never logged. */
export const GATEWAY_SECRET_FIELDS = { aliyun: ['accessKeySecret'], tencent: ['secretKey'], log: [] } as const;

/**
 * The settings as a screen may show them: every secret replaced by whether one is set, so an
 * answer to the browser never carries a credential.
 */
export function redactGatewaySettings(s: GatewaySettings): Record<string, unknown> & { kind: GatewayKind } {
  const out: Record<string, unknown> & { kind: GatewayKind } = { ...s };
  for (const f of GATEWAY_SECRET_FIELDS[s.kind] as readonly string[]) out[f] = out[f] ? '••••••' : '';
  return out;
}
