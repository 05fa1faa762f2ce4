/**
 * Local stand-ins for Alibaba Cloud SMS and Tencent Cloud SMS, on 127.0.0.1 at a free port.
 * Each checks a request the way its provider documents and answers the provider's documented
 * bodies. The signature checks are written here again from the documents, not imported from
 * src/core/messaging, so an adapter that signs wrongly fails against them:
 * - Alibaba RPC signature v1.0 (https://help.aliyun.com/document_detail/28839.html): sort the
 *   parameters but Signature, encode names and values as UTF-8 bytes keeping only A–Z a–z 0–9
 *   - _ . ~, StringToSign = METHOD&%2F&encode(query), Base64(HMAC-SHA1(secret + "&", it));
 *   SendSms 2017-05-25 answers {"Code":"OK","Message":"OK","BizId","RequestId"} or the error code.
 * - Tencent TC3-HMAC-SHA256 (https://tencentcloud.com/document/product/1084/39391): canonical
 *   request of method, /, query, the signed headers lowercased and trimmed, their names, the
 *   body's SHA-256; scope date/sms/tc3_request; keys derived from "TC3" + SecretKey; SendSms
 *   2021-01-11 answers Response.SendStatusSet or Response.Error (HTTP 200 either way).
 * A test scripts the next answers: a documented error body, an HTTP 500, or no answer at all.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the next request gets, instead of the normal checks' answer. */
export type Scripted = { error: string; message?: string; status?: number } | { http500: true } | { hang: true } | { numberError: string; message?: string };

export interface SmsTestServer {
  url: string;
  /** Every request the server saw, parsed, with the answer's code (OK/Ok or the error). */
  readonly requests: { params: Record<string, unknown>; code: string }[];
  /** Answers queued for the next requests, one each, before the checks (after them for numberError). */
  script(...next: Scripted[]): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  code: string;
}

function serve(handle: (req: http.IncomingMessage, raw: string, scripted: Scripted | undefined) => Answer | null): Promise<SmsTestServer> {
  const requests: SmsTestServer['requests'] = [];
  const queue: Scripted[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const scripted = queue.shift();
      if (scripted && 'hang' in scripted) return; // never answers; close() ends the socket
      if (scripted && 'http500' in scripted) {
        requests.push({ params: {}, code: 'HTTP_500' });
        res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>500 Internal Server Error</body></html>');
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const a = handle(req, raw, scripted);
      if (!a) return;
      res.writeHead(a.status, { 'content-type': 'application/json;charset=utf-8' }).end(JSON.stringify(a.body));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests,
        script: (...next) => void queue.push(...next),
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}

// ---------------------------------------------------------------- Alibaba Cloud SMS

/** Percent-encoding per Alibaba's table, byte by byte (deliberately not the adapter's encodeURIComponent route). */
function aliEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function aliyunExpectedSignature(method: string, params: Record<string, string>, secret: string): string {
  const names = Object.keys(params).filter((k) => k !== 'Signature');
  names.sort((a, b) => (Buffer.compare(Buffer.from(a), Buffer.from(b))));
  const query = names.map((k) => `${aliEncode(k)}=${aliEncode(params[k]!)}`).join('&');
  const toSign = `${method}&${aliEncode('/')}&${aliEncode(query)}`;
  return crypto.createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

const requestId = () => crypto.randomUUID().toUpperCase();

export interface AliyunServerOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** The server's "now", for the Timestamp check (Alibaba refuses a request more than 15 minutes off). */
  now?: () => Date;
}

export function startAliyunServer(opts: AliyunServerOptions): Promise<SmsTestServer> {
  const nonces = new Set<string>();
  const required = ['AccessKeyId', 'Action', 'Format', 'PhoneNumbers', 'RegionId', 'SignName', 'SignatureMethod', 'SignatureNonce', 'SignatureVersion', 'TemplateCode', 'Timestamp', 'Version', 'Signature'];
  let srv: SmsTestServer;
  const answer = (params: Record<string, string>, status: number, code: string, message: string): Answer => {
    srv.requests.push({ params, code });
    const body = code === 'OK' ? { Code: 'OK', Message: 'OK', BizId: `${Date.now() % 1e12}^0`, RequestId: requestId() } : { Code: code, Message: message, RequestId: requestId() };
    return { status, body, code };
  };
  return serve((req, raw, scripted) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const form = req.method === 'POST' ? new URLSearchParams(raw) : url.searchParams;
    const params = Object.fromEntries(form.entries());
    for (const k of required) if (!params[k]) return answer(params, 400, `Missing${k}`, `${k} is mandatory for this action.`);
    if (scripted && 'error' in scripted) return answer(params, scripted.status ?? 200, scripted.error, scripted.message ?? scripted.error);
    if (params.AccessKeyId !== opts.accessKeyId) return answer(params, 404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') return answer(params, 400, 'InvalidParameter', 'SignatureMethod or SignatureVersion');
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25') return answer(params, 404, 'InvalidVersion', 'Specified parameter Version is not valid.');
    const stamp = Date.parse(params.Timestamp!);
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(params.Timestamp!) || Number.isNaN(stamp)) return answer(params, 400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    if (Math.abs(stamp - (opts.now ?? (() => new Date()))().getTime()) > 15 * 60_000) return answer(params, 400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const expected = aliyunExpectedSignature(req.method ?? 'GET', params, opts.accessKeySecret);
    if (params.Signature !== expected) {
      const query = Object.keys(params).filter((k) => k !== 'Signature').sort().map((k) => `${aliEncode(k)}=${aliEncode(params[k]!)}`).join('&');
      return answer(params, 400, 'SignatureDoesNotMatch', `Specified signature is not matched with our calculation. server string to sign is:${req.method}&%2F&${aliEncode(query)}`);
    }
    if (nonces.has(params.SignatureNonce!)) return answer(params, 400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.add(params.SignatureNonce!);
    let templateParam: unknown = {};
    try {
      templateParam = params.TemplateParam ? JSON.parse(params.TemplateParam) : {};
    } catch {
      templateParam = null;
    }
    if (!templateParam || typeof templateParam !== 'object' || Object.values(templateParam).some((v) => typeof v !== 'string'))
      return answer(params, 200, 'isv.INVALID_JSON_PARAM', 'JSON参数不合法，只接受字符串值');
    // Mainland numbers bare (11 digits from 1); others as country code and number, never with + or 00.
    const n = params.PhoneNumbers!;
    if (!/^1\d{10}$/.test(n) && !(/^[1-9]\d{7,14}$/.test(n) && !n.startsWith('86'))) return answer(params, 200, 'isv.MOBILE_NUMBER_ILLEGAL', '非法手机号');
    if (scripted && 'numberError' in scripted) return answer(params, 200, scripted.numberError, scripted.message ?? scripted.numberError);
    return answer(params, 200, 'OK', 'OK');
  }).then((s) => (srv = s));
}

// ---------------------------------------------------------------- Tencent Cloud SMS

const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const hmac256 = (key: Buffer | string, s: string) => crypto.createHmac('sha256', key).update(s, 'utf8').digest();

export function tencentExpectedSignature(p: { method: string; path: string; query: string; headers: Record<string, string>; signedHeaders: string[]; body: string; timestamp: string; date: string; service: string; secretKey: string }): string {
  const canonicalHeaders = p.signedHeaders.map((h) => `${h}:${(p.headers[h] ?? '').trim().toLowerCase()}\n`).join('');
  const canonicalRequest = `${p.method}\n${p.path}\n${p.query}\n${canonicalHeaders}\n${p.signedHeaders.join(';')}\n${sha256(p.body)}`;
  const scope = `${p.date}/${p.service}/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${p.timestamp}\n${scope}\n${sha256(canonicalRequest)}`;
  const kDate = hmac256(`TC3${p.secretKey}`, p.date);
  const kService = hmac256(kDate, p.service);
  const kSigning = hmac256(kService, 'tc3_request');
  return crypto.createHmac('sha256', kSigning).update(toSign, 'utf8').digest('hex');
}

export interface TencentServerOptions {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  /** Numbers on the provider's do-not-disturb list (免打扰名单). */
  blacklist?: string[];
  /** The server's "now", for the 5-minute timestamp window. */
  now?: () => Date;
}

export function startTencentServer(opts: TencentServerOptions): Promise<SmsTestServer> {
  let srv: SmsTestServer;
  const error = (params: Record<string, unknown>, code: string, message: string): Answer => {
    srv.requests.push({ params, code });
    return { status: 200, body: { Response: { Error: { Code: code, Message: message }, RequestId: crypto.randomUUID() } }, code };
  };
  const status = (params: Record<string, unknown>, phone: string, code: string, message: string): Answer => {
    srv.requests.push({ params, code });
    const serial = code === 'Ok' ? `5000:${crypto.randomInt(1e9)}${crypto.randomInt(1e9)}` : '';
    return {
      status: 200,
      body: { Response: { SendStatusSet: [{ SerialNo: serial, PhoneNumber: phone, Fee: code === 'Ok' ? 1 : 0, SessionContext: '', Code: code, Message: message, IsoCode: phone.startsWith('+86') ? 'CN' : '' }], RequestId: crypto.randomUUID() } },
      code,
    };
  };
  return serve((req, raw, scripted) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    let params: Record<string, unknown> = {};
    try {
      params = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return error({}, 'InvalidParameter', 'the body is not JSON');
    }
    if (headers['x-tc-action'] !== 'SendSms') return error(params, 'InvalidAction', 'the action does not exist');
    if (headers['x-tc-version'] !== '2021-01-11') return error(params, 'NoSuchVersion', 'the version does not exist');
    if (!headers['x-tc-region']) return error(params, 'MissingParameter', 'X-TC-Region');
    if (scripted && 'error' in scripted) return error(params, scripted.error, scripted.message ?? scripted.error);
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d\d-\d\d)\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '');
    if (!auth) return error(params, 'AuthFailure.InvalidAuthorization', 'Authorization in the request header is invalid.');
    const [, secretId, date, service, signed, signature] = auth;
    const signedHeaders = signed!.split(';');
    if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) return error(params, 'AuthFailure.InvalidAuthorization', 'content-type and host must be signed');
    if (secretId !== opts.secretId) return error(params, 'AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
    const timestamp = headers['x-tc-timestamp'] ?? '';
    const now = (opts.now ?? (() => new Date()))().getTime() / 1000;
    if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - now) > 300) return error(params, 'AuthFailure.SignatureExpire', 'Signature expired.');
    if (service !== 'sms' || date !== new Date(Number(timestamp) * 1000).toISOString().slice(0, 10))
      return error(params, 'AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    const url = new URL(req.url ?? '/', 'http://x');
    const expected = tencentExpectedSignature({ method: req.method ?? 'POST', path: url.pathname, query: url.search.slice(1), headers, signedHeaders, body: raw, timestamp, date: date!, service: service!, secretKey: opts.secretKey });
    if (expected !== signature) return error(params, 'AuthFailure.SignatureFailure', 'The provided credentials could not be validated. Please check your signature is correct.');
    for (const k of ['PhoneNumberSet', 'SmsSdkAppId', 'TemplateId']) if (params[k] === undefined) return error(params, 'MissingParameter', `The parameter ${k} is missing.`);
    if (params.SmsSdkAppId !== opts.sdkAppId) return error(params, 'InvalidParameterValue.SdkAppIdNotExist', 'The SdkAppId does not exist.');
    const set = params.PhoneNumberSet;
    if (!Array.isArray(set) || set.length === 0 || set.length > 200) return error(params, 'InvalidParameter', 'PhoneNumberSet');
    if (params.TemplateParamSet !== undefined && (!Array.isArray(params.TemplateParamSet) || params.TemplateParamSet.some((v) => typeof v !== 'string')))
      return error(params, 'InvalidParameterValue.TemplateParameterFormatError', 'TemplateParamSet must be strings');
    const phone = String(set[0]);
    if (!/^\+861\d{10}$/.test(phone) && !/^\+(?!86)[1-9]\d{6,14}$/.test(phone)) return status(params, phone, 'InvalidParameterValue.IncorrectPhoneNumber', '手机号格式错误');
    if (opts.blacklist?.includes(phone)) return status(params, phone, 'FailedOperation.PhoneNumberInBlacklist', '手机号在免打扰名单库中');
    if (scripted && 'numberError' in scripted) return status(params, phone, scripted.numberError, scripted.message ?? scripted.numberError);
    return status(params, phone, 'Ok', 'send success');
  }).then((s) => (srv = s));
}
