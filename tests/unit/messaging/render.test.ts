import { describe, expect, it } from 'vitest';
import { messageChannel, messageText, messageVars } from '../../../src/shared/messaging/render';

const facts = { shop: '福田维修', number: 'SZ01-2611-0007', device: 'Huawei Mate 60', link: 'https://hq.example/s/abcdefghijklmnopqrstuv', phone: '0755-8300 1234', totalFen: 45000, warrantyUntil: '2027-02-21' };

describe('a message in the customer language', () => {
  it('formats the total and opens the page in English for an English customer', () => {
    expect(messageVars(facts, { vars: {} }, 'en')).toMatchObject({ link: 'https://hq.example/s/abcdefghijklmnopqrstuv?lang=en', total: '¥450.00', warrantyEnd: '2027-02-21' });
    expect(messageVars(facts, { vars: {} }, 'zh-CN').link).toBe('https://hq.example/s/abcdefghijklmnopqrstuv');
  });

  it('writes the default texts of both languages, and a published template in the chosen one', () => {
    const en = messageVars(facts, { vars: {} }, 'en');
    expect(messageText('collected', 'en', en)).toBe('福田维修: ticket SZ01-2611-0007 collected; warranty until 2027-02-21. Thank you!');
    expect(messageText('collected', 'zh-CN', messageVars(facts, { vars: {} }, 'zh-CN'))).toBe('【福田维修】维修单SZ01-2611-0007已取机，保修至2027-02-21。感谢惠顾！');
    expect(messageText('received', 'en', en, { zh: '【{shop}】收到{number}', en: 'Got {number}' })).toBe('Got SZ01-2611-0007');
  });

  it('drops the link lead-in when the shop has no status page', () => {
    const v = messageVars({ ...facts, link: '' }, { vars: {} }, 'en');
    expect(messageText('received', 'en', v)).toBe('福田维修: your Huawei Mate 60 was received, ticket SZ01-2611-0007.');
  });

  it('sends English only with an English provider template; otherwise the Chinese template, recorded in Chinese', () => {
    expect(messageChannel('ready', 'en', { ready: 'SMS_1', 'ready.en': 'SMS_2' })).toEqual({ locale: 'en', templateCode: 'SMS_2' });
    expect(messageChannel('ready', 'en', { ready: 'SMS_1' })).toEqual({ locale: 'zh-CN', templateCode: 'SMS_1' });
    expect(messageChannel('ready', 'zh-CN', { ready: 'SMS_1', 'ready.en': 'SMS_2' })).toEqual({ locale: 'zh-CN', templateCode: 'SMS_1' });
    // the log gateway has no provider templates: the text as written, in English
    expect(messageChannel('ready', 'en')).toEqual({ locale: 'en', templateCode: 'ready' });
  });
});
