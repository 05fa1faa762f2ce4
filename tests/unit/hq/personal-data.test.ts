import { describe, expect, it } from 'vitest';
import { MASK, maskPersonalData as mask } from '../../../src/hq/personal-data';

/**
 * What a counter clerk really types into a fault description, and what another shop may see of
 * it: the repair, not the customer's phone, ID card or e-mail. Device facts (IMEI, model numbers,
 * capacities, dates, prices) stay as typed.
 */
describe('masking personal data in free text', () => {
  it.each([
    ['客户说摔过一次，开不了机，取机前先打 138 1234 5678', `客户说摔过一次，开不了机，取机前先打 ${MASK}`],
    ['顾客王先生13912345678要求加急', `顾客王先生${MASK}要求加急`],
    ['联系人手机：+86 139-1234-5678（白天）', `联系人手机：${MASK}（白天）`],
    ['备用号码 0086 15012345678 / 86-18612345678', `备用号码 ${MASK} / ${MASK}`],
    ['公司座机 0755-8666 1234 转 806', `公司座机 ${MASK}`],
    ['（010）6552 9988 找李工', `${MASK} 找李工`],
    ['客户电话 8666 1234 晚上打', `客户电话 ${MASK} 晚上打`],
    ['tel: 86661234', `tel: ${MASK}`],
    ['身份证 44030519900101123X 已核对', `身份证 ${MASK} 已核对`],
    ['证件号 110105 19851231 002x', `证件号 ${MASK}`],
    ['照片发到 li.ming+repair@example.com.cn 或 wang_1985@qq.com', `照片发到 ${MASK} 或 ${MASK}`],
  ])('%s', (typed, seen) => {
    expect(mask(typed)).toBe(seen);
  });

  it.each([
    'IMEI 356938035643809 无法开机',
    '型号 A2890，电池 4500mAh，2024-03-15 购买，发票价 5999 元',
    '屏幕排线断裂，更换屏幕总成（BOE 6.7 寸），工时 1.5 小时',
    '序列号 C02XK0ABJG5J 键盘进水',
    '第 2 次返修，上次单号 SZ02-2603-000123',
    '充电口 12V 2A，主板编号 820-02020-A',
  ])('leaves device facts alone: %s', (typed) => {
    expect(mask(typed)).toBe(typed);
  });

  it('masks every occurrence and nothing of the digits survives', () => {
    const out = mask('先打13800138000，不通再打 138-0013-8001，再不通 13800138002');
    expect(out).toBe(`先打${MASK}，不通再打 ${MASK}，再不通 ${MASK}`);
    expect(out).not.toMatch(/\d/);
  });
});
