/**
 * Alibaba Cloud SMS (阿里云短信服务), action SendSms of API version 2017-05-25, over the RPC
 * style with signature version 1.0, as documented:
 * - signing: https://help.aliyun.com/document_detail/28839.html (签名机制) and
 *   https://www.alibabacloud.com/help/en/sms/signature-method — sort every parameter but
 *   Signature by name, percent-encode names and values in UTF-8 (A–Z a–z 0–9 - _ . ~ kept, space
 *   as %20, * as %2A), join as name=value with &, StringToSign = METHOD & %2F & percentEncode(that),
 *   Signature = Base64(HMAC-SHA1(AccessKeySecret + "&", StringToSign));
 * - SendSms: PhoneNumbers (mainland numbers without +86; others as country code and number),
 *   SignName, TemplateCode, TemplateParam (JSON); the answer
 *   {"Code":"OK","Message":"OK","BizId":…,"RequestId":…}, or Code naming the error
 *   (the error codes: https://help.aliyun.com/document_detail/101347.html and
 *   https://alibabacloud.com/help/en/sms/developer-reference/error-codes).
 * No SDK: node:crypto and the global fetch.
 */
import crypto from 'node:crypto';
import type { Clock } from '../../shared/util/ids';
import type { GatewaySettings } from '../../shared/messaging/gateway-settings';
import type { SendResult, SmsGateway, SmsMessage } from './gateway';
import { E164, invalidNumber } from './phone';
import { parseJson, postWithDeadline, serverError } from './http';

type AliyunSettings = Extract<GatewaySettings, { kind: 'aliyun' }>;

/** RFC 3986 with Alibaba's rules: encodeURIComponent leaves ! ' ( ) * as they are, Alibaba wants them encoded. */
export function aliyunPercentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The canonicalized query string: every parameter, sorted by name (code unit order, as the names are ASCII). */
export function aliyunCanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k]!)}`)
    .join('&');
}

export function aliyunSignature(method: 'GET' | 'POST', params: Record<string, string>, secret: string): string {
  const stringToSign = `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(aliyunCanonicalQuery(params))}`;
  return crypto.createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** Alibaba's PhoneNumbers: a mainland number bare (13812345678), any other as country code and number without the plus. */
export function aliyunPhoneNumber(e164: string): string {
  return e164.startsWith('+86') ? e164.slice(3) : e164.slice(1);
}

/**
 * Codes a later attempt may get past: flow control (业务限流), Alibaba's own faults and
 * throttling, a nonce that collided. Everything else (an illegal number, a bad signature, an
 * unknown key, a template not approved, an empty balance) needs a person, not another try.
 */
const RETRYABLE = new Set([
  'isv.BUSINESS_LIMIT_CONTROL',
  'isp.SYSTEM_ERROR',
  'isp.GATEWAY_ERROR',
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'ServiceUnavailable',
  'InternalError',
  'SignatureNonceUsed',
]);

/** The documented answer, mapped; `status` decides only when the body names no code. */
export function aliyunResult(status: number, body: string): SendResult {
  const json = parseJson(body) as { Code?: unknown; Message?: unknown; BizId?: unknown; RequestId?: unknown } | undefined;
  const code = typeof json?.Code === 'string' ? json.Code : null;
  // OK means accepted: never resend it (a customer told twice), even if the receipt id were missing.
  if (code === 'OK') return { ok: true, providerId: String(json?.BizId ?? json?.RequestId ?? '') };
  if (code) return { ok: false, retryable: RETRYABLE.has(code) || status >= 500, code, message: String(json?.Message ?? '') };
  if (status >= 500) return serverError(status, body);
  return { ok: false, retryable: false, code: 'BAD_REPLY', message: `HTTP ${status}: ${body.slice(0, 200)}` };
}

/** ISO 8601 in UTC to the second, as the Timestamp parameter wants (2026-11-23T02:00:00Z). */
const timestamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function aliyunGateway(s: AliyunSettings, deps: { clock: Clock; timeoutMs: number }): SmsGateway {
  return {
    kind: 'aliyun',
    async send(msg: SmsMessage): Promise<SendResult> {
      if (!E164.test(msg.to)) return invalidNumber(msg.to);
      const params: Record<string, string> = {
        AccessKeyId: s.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: aliyunPhoneNumber(msg.to),
        RegionId: s.region,
        SignName: s.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: crypto.randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: msg.templateCode,
        TemplateParam: JSON.stringify(msg.params),
        Timestamp: timestamp(deps.clock.now()),
        Version: '2017-05-25',
      };
      // POST with the parameters in a form body: the phone number and its text stay out of URLs and proxy logs.
      const signed = { ...params, Signature: aliyunSignature('POST', params, s.accessKeySecret) };
      const body = Object.entries(signed)
        .map(([k, v]) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(v)}`)
        .join('&');
      const answer = await postWithDeadline(new URL('/', s.endpoint).href, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }, deps.timeoutMs);
      if ('failed' in answer) return answer.failed;
      return aliyunResult(answer.status, answer.body);
    },
  };
}
