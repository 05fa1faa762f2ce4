import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt } from '../../../src/core/messaging/send-with-retry';
import { createGateway, redactGatewaySettings, templateFor } from '../../../src/core/messaging/gateway';
import { gatewaySettingsSchema } from '../../../src/shared/messaging/gateway-settings';
import type { LogGateway } from '../../../src/core/messaging/log-gateway';
import { ManualClock } from '../../helpers/clock';

describe('the retry schedule', () => {
  it('waits 1 min, 5 min, 30 min and 2 h after attempts 1–4 and has no sixth attempt', () => {
    // Worked by hand from a first try at 10:00 UTC on 23 Nov 2026: 10:01, then 10:06, 10:36, 12:36.
    const first = new Date('2026-11-23T10:00:00.000Z');
    const a2 = nextAttemptAt(1, first)!;
    const a3 = nextAttemptAt(2, a2)!;
    const a4 = nextAttemptAt(3, a3)!;
    const a5 = nextAttemptAt(4, a4)!;
    expect([a2, a3, a4, a5].map((d) => d.toISOString())).toEqual(['2026-11-23T10:01:00.000Z', '2026-11-23T10:06:00.000Z', '2026-11-23T10:36:00.000Z', '2026-11-23T12:36:00.000Z']);
    expect(nextAttemptAt(5, a5)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(5);
  });

  it('counts from the instant the attempt failed (a slow answer moves the next try), and refuses attempt 0', () => {
    expect(nextAttemptAt(2, new Date('2026-12-31T23:58:30.000Z'))!.toISOString()).toBe('2027-01-01T00:03:30.000Z');
    expect(() => nextAttemptAt(0, new Date())).toThrow(RangeError);
  });
});

describe('gateway settings', () => {
  it('fill the documented endpoints and regions, keep templates per message kind and never show a secret back', () => {
    const ali = gatewaySettingsSchema.parse({ kind: 'aliyun', accessKeyId: 'id', accessKeySecret: 'sec', signName: '福田维修', templates: { ready: 'SMS_1' } });
    expect(ali).toMatchObject({ endpoint: 'https://dysmsapi.aliyuncs.com', region: 'cn-hangzhou' });
    const tc = gatewaySettingsSchema.parse({ kind: 'tencent', secretId: 'id', secretKey: 'key', sdkAppId: '1400006666', signName: '福田维修' });
    expect(tc).toMatchObject({ endpoint: 'https://sms.tencentcloudapi.com', region: 'ap-guangzhou', templates: {} });
    expect(templateFor(ali, 'ready')).toBe('SMS_1');
    expect(templateFor(ali, 'toString')).toBeNull();
    expect(JSON.stringify(redactGatewaySettings(ali))).not.toContain('sec');
    expect(redactGatewaySettings(tc).secretKey).toBe('••••••');
    expect(gatewaySettingsSchema.safeParse({ kind: 'aliyun', accessKeyId: 'id', signName: 's' }).success).toBe(false);
  });
});

describe('the log gateway', () => {
  it('succeeds, keeps the newest messages in process and appends JSON lines to a file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fixpoint-sms-')), 'sms.jsonl');
    const clock = new ManualClock();
    const g = createGateway({ kind: 'log' }, { clock, log: { file, keep: 2 } }) as LogGateway;
    for (const n of ['1', '2', '3']) expect(await g.send({ to: `+861380000000${n}`, templateCode: 'ready', params: { n }, text: `第 ${n} 条` })).toEqual({ ok: true, providerId: `log-${n}` });
    expect(g.sent.map((m) => m.text)).toEqual(['第 2 条', '第 3 条']);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; at: string });
    expect(lines.map((l) => l.to)).toEqual(['+8613800000001', '+8613800000002', '+8613800000003']);
    expect(lines[0]!.at).toBe('2026-11-23T02:00:00.000Z');
    g.clear();
    expect(g.sent).toHaveLength(0);
  });
});
