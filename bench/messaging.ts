/**
 * Customer messages (issue 20): how many messages per second go through the log gateway by
 * deliver() (the demo's and the tests' path, so the rest of messaging is never the bottleneck
 * of a demo), in batches of 1,000, beside the same loop awaiting a no-op function; and the cost
 * of signing one request for each provider beside the bare HMAC it is built on. Needs no
 * generated shop (`npm run bench -- --only messaging`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measure, measureSync, type BenchResult, type BenchSuite } from './lib';
import { createGateway, type SmsMessage } from '../src/core/messaging/gateway';
import { deliver } from '../src/core/messaging/send-with-retry';
import { aliyunSignature } from '../src/core/messaging/aliyun';
import { tencentAuthorization } from '../src/core/messaging/tencent';
import { systemClock } from '../src/shared/util/ids';

const BATCH = 1000;
const MSG: SmsMessage = { to: '+8613812345678', templateCode: 'SMS_154950909', params: { ticket: 'SZ01-2611-0042', model: 'iPhone 15' }, text: '【福田店】您的 iPhone 15（SZ01-2611-0042）已修好，请凭取机单来店取机。' };
const perSecond = (msPerBatch: number) => Math.round((BATCH / msPerBatch) * 1000).toLocaleString('en');

export function messagingSuite(): BenchSuite {
  return {
    name: 'messaging',
    async run(): Promise<BenchResult[]> {
      const results: BenchResult[] = [];
      const noop = async (_m: SmsMessage) => ({ ok: true as const, providerId: '' });
      const baseline = await measure(async () => {
        for (let i = 0; i < BATCH; i++) await noop(MSG);
      }, { iterations: 200, warmup: 20 });
      const base = { name: `the same loop awaiting a no-op async function, ${BATCH.toLocaleString('en')} calls`, median: baseline.median, p95: baseline.p95 };

      const inProcess = createGateway({ kind: 'log' }, { clock: systemClock });
      const mem = await measure(async () => {
        for (let i = 0; i < BATCH; i++) await deliver(inProcess, MSG, 1, systemClock);
      }, { iterations: 200, warmup: 20 });
      results.push({
        suite: 'messaging', name: `log gateway via deliver(): batch of ${BATCH.toLocaleString('en')} messages (in-process log)`, unit: 'ms', median: mem.median, p95: mem.p95, baseline: base,
        target: `median < 100 ms (≥ 10,000 messages/s)`, met: mem.median < 100, note: `${perSecond(mem.median)} messages/s at the median, ${perSecond(mem.p95)} at p95`,
      });

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-bench-sms-'));
      const toFile = createGateway({ kind: 'log' }, { clock: systemClock, log: { file: path.join(dir, 'sms.jsonl') } });
      const file = await measure(async () => {
        for (let i = 0; i < BATCH; i++) await deliver(toFile, MSG, 1, systemClock);
      }, { iterations: 50, warmup: 5 });
      fs.rmSync(dir, { recursive: true, force: true });
      results.push({
        suite: 'messaging', name: `log gateway via deliver(): batch of ${BATCH.toLocaleString('en')} messages, each appended to its JSON-lines file`, unit: 'ms', median: file.median, p95: file.p95, baseline: base,
        target: 'median < 1000 ms (≥ 1,000 messages/s)', met: file.median < 1000, note: `${perSecond(file.median)} messages/s at the median, ${perSecond(file.p95)} at p95`,
      });

      const params: Record<string, string> = { AccessKeyId: 'LTAI5tBenchKey', Action: 'SendSms', Format: 'JSON', PhoneNumbers: '13812345678', RegionId: 'cn-hangzhou', SignName: '福田维修', SignatureMethod: 'HMAC-SHA1', SignatureNonce: crypto.randomUUID(), SignatureVersion: '1.0', TemplateCode: MSG.templateCode, TemplateParam: JSON.stringify(MSG.params), Timestamp: '2026-11-23T02:00:00Z', Version: '2017-05-25' };
      const toSign = `POST&%2F&${'x'.repeat(520)}`;
      const hmac1 = measureSync(() => crypto.createHmac('sha1', 'secret&').update(toSign).digest('base64'), { iterations: 20_000 });
      const ali = measureSync(() => aliyunSignature('POST', params, 'bench-secret'), { iterations: 20_000 });
      results.push({ suite: 'messaging', name: 'Alibaba request signature (13 parameters sorted and encoded, HMAC-SHA1)', unit: 'ms', median: ali.median, p95: ali.p95, baseline: { name: 'one HMAC-SHA1 of a string-to-sign of the same length', median: hmac1.median, p95: hmac1.p95 } });

      const body = JSON.stringify({ PhoneNumberSet: [MSG.to], SmsSdkAppId: '1400006666', SignName: '福田维修', TemplateId: '1110', TemplateParamSet: Object.values(MSG.params) });
      const hmac256 = measureSync(() => crypto.createHmac('sha256', 'key').update(body).digest('hex'), { iterations: 20_000 });
      const tc = measureSync(() => tencentAuthorization({ secretId: 'AKIDbench', secretKey: 'bench-key', host: 'sms.tencentcloudapi.com', action: 'SendSms', body, timestamp: 1_795_399_200 }), { iterations: 20_000 });
      results.push({ suite: 'messaging', name: 'Tencent TC3-HMAC-SHA256 Authorization (canonical request, 2 SHA-256, 4 HMAC-SHA256)', unit: 'ms', median: tc.median, p95: tc.p95, baseline: { name: 'one HMAC-SHA256 of the same body', median: hmac256.median, p95: hmac256.p95 } });
      return results;
    },
  };
}
