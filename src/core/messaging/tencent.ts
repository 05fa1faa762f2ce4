/**
 * Tencent Cloud SMS (腾讯云短信), action SendSms of API version 2021-01-11, signed with
 * TC3-HMAC-SHA256 (signature v3) as documented at https://tencentcloud.com/document/product/1084/39391
 * ("Signature v3", the same text for every Tencent Cloud API):
 *   CanonicalRequest = POST \n / \n (empty query) \n canonical headers \n signed headers \n hex(SHA256(body))
 *   StringToSign     = TC3-HMAC-SHA256 \n timestamp \n date/sms/tc3_request \n hex(SHA256(CanonicalRequest))
 *   SecretDate = HMAC("TC3" + SecretKey, date), SecretService = HMAC(SecretDate, "sms"),
 *   SecretSigning = HMAC(SecretService, "tc3_request"), Signature = hex(HMAC(SecretSigning, StringToSign))
 * with date the UTC date of the timestamp, and the Authorization header
 *   TC3-HMAC-SHA256 Credential=SecretId/date/sms/tc3_request, SignedHeaders=…, Signature=…
 * The SendSms request and answer: https://cloud.tencent.com/document/api/382/55981 (and
 * https://tencentcloud.com/document/api/382/40536) — Response.SendStatusSet[i].Code "Ok" per
 * number, or Response.Error.Code for the whole call; the error codes at
 * https://cloud.tencent.com/document/api/382/52075 (common and SMS codes).
 * No SDK: node:crypto and the global fetch.
 */
import crypto from 'node:crypto';
import type { Clock } from '../../shared/util/ids';
import type { GatewaySettings } from '../../shared/messaging/gateway-settings';
import type { SendResult, SmsGateway, SmsMessage } from './gateway';
import { E164, invalidNumber } from './phone';
import { parseJson, postWithDeadline, serverError } from './http';

type TencentSettings = Extract<GatewaySettings, { kind: 'tencent' }>;

const SERVICE = 'sms';
const CONTENT_TYPE = 'application/json; charset=utf-8';
const SIGNED_HEADERS = 'content-type;host;x-tc-action';

const sha256hex = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => crypto.createHmac('sha256', key).update(s, 'utf8').digest();

/** The Authorization header for a POST of `body` to `host` at `timestamp` (seconds). */
export function tencentAuthorization(p: { secretId: string; secretKey: string; host: string; action: string; body: string; timestamp: number }): string {
  const date = new Date(p.timestamp * 1000).toISOString().slice(0, 10);
  const canonicalHeaders = `content-type:${CONTENT_TYPE}\nhost:${p.host}\nx-tc-action:${p.action.toLowerCase()}\n`;
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, SIGNED_HEADERS, sha256hex(p.body)].join('\n');
  const scope = `${date}/${SERVICE}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(p.timestamp), scope, sha256hex(canonicalRequest)].join('\n');
  const signing = hmac(hmac(hmac(`TC3${p.secretKey}`, date), SERVICE), 'tc3_request');
  const signature = crypto.createHmac('sha256', signing).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${p.secretId}/${scope}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
}

/**
 * Codes a later attempt may get past: Tencent's own faults, a request that reached it late,
 * rate limits, and the per-number limits of 30 seconds and one hour (the backoff outlasts
 * them). The daily limit, a blacklisted or wrong number, a bad signature or an unapproved
 * template do not pass by waiting for the next attempt.
 */
export function tencentRetryable(code: string): boolean {
  return (
    code.startsWith('InternalError') ||
    code === 'RequestTimeException' ||
    code === 'RequestLimitExceeded' ||
    code === 'LimitExceeded.PhoneNumberThirtySecondLimit' ||
    code === 'LimitExceeded.PhoneNumberOneHourLimit' ||
    code === 'LimitExceeded.DeliveryFrequencyLimit' ||
    code === 'FailedOperation.ServiceUnavailable' ||
    code === 'ResourceUnavailable'
  );
}

interface TencentAnswer {
  Response?: {
    Error?: { Code?: unknown; Message?: unknown };
    SendStatusSet?: { Code?: unknown; Message?: unknown; SerialNo?: unknown }[];
  };
}

/** The documented answer, mapped: the call's error first, then the (one) number's status. */
export function tencentResult(status: number, body: string): SendResult {
  const r = (parseJson(body) as TencentAnswer | undefined)?.Response;
  const error = r?.Error;
  if (error && typeof error.Code === 'string') return { ok: false, retryable: tencentRetryable(error.Code) || status >= 500, code: error.Code, message: String(error.Message ?? '') };
  const one = r?.SendStatusSet?.[0];
  if (one && typeof one.Code === 'string') {
    if (one.Code === 'Ok') return { ok: true, providerId: typeof one.SerialNo === 'string' ? one.SerialNo : '' };
    return { ok: false, retryable: tencentRetryable(one.Code), code: one.Code, message: String(one.Message ?? '') };
  }
  if (status >= 500) return serverError(status, body);
  return { ok: false, retryable: false, code: 'BAD_REPLY', message: `HTTP ${status}: ${body.slice(0, 200)}` };
}

export function tencentGateway(s: TencentSettings, deps: { clock: Clock; timeoutMs: number }): SmsGateway {
  const url = new URL('/', s.endpoint);
  return {
    kind: 'tencent',
    async send(msg: SmsMessage): Promise<SendResult> {
      if (!E164.test(msg.to)) return invalidNumber(msg.to);
      const body = JSON.stringify({
        PhoneNumberSet: [msg.to],
        SmsSdkAppId: s.sdkAppId,
        SignName: s.signName,
        TemplateId: msg.templateCode,
        // Tencent's templates number their variables ({1}, {2}, …): the params in their order.
        TemplateParamSet: Object.values(msg.params),
      });
      const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
      // fetch sends Host as url.host (with the port when it is not the default), so sign that.
      const authorization = tencentAuthorization({ secretId: s.secretId, secretKey: s.secretKey, host: url.host, action: 'SendSms', body, timestamp });
      const headers = {
        authorization,
        'content-type': CONTENT_TYPE,
        'x-tc-action': 'SendSms',
        'x-tc-version': '2021-01-11',
        'x-tc-timestamp': String(timestamp),
        'x-tc-region': s.region,
      };
      const answer = await postWithDeadline(url.href, { headers, body }, deps.timeoutMs);
      if ('failed' in answer) return answer.failed;
      return tencentResult(answer.status, answer.body);
    },
  };
}
