import { describe, expect, it } from 'vitest';
import { LAPTOP_2002, PHONE_2001, REFRIGERATOR_1995, evaluate, formatReason, type CategoryPolicy, type Decision, type Line } from '../../../src/shared/warranty';
import { fault, input } from './helpers';

/**
 * The articles a shop applies that open a return other than the 7-day one, each quoted from the
 * text (docs/regulations). Expected figures are worked out by hand from the article and the
 * preset's rate, not read from the engine.
 */
const opts = (d: Decision) => d.options.map((o) => (o.part ? `${o.option}:${o.part}` : o.option));
const ret = (d: Decision) => d.options.find((o) => o.option === 'return' && !o.part);
const codes = (rs: { code: string }[]) => rs.map((r) => r.code);

describe('《移动电话机商品修理更换退货责任规定》 第十九条: an exchange that is due but cannot be made, or is refused', () => {
  // "在三包有效期内，符合换货条件的，销售者因无同型号同规格移动电话机，消费者不愿调换其他型号、规格产品而要求
  //  退货的，销售者应当予以退货；有同型号同规格移动电话机，消费者不愿调换而要求退货的，销售者应当予以退货，对已
  //  使用过的移动电话机按本规定收取折旧费。折旧费计算自开具发票之日起至退货之日止，其中应当扣除修理占用和待修的时间。"
  // Bought 2025-03-10 for ¥3,000.00; a listed fault brought in on 2025-03-20 (day 10: 第十二条, exchange or repair).
  const exchangeDue = (exchange: 'refused' | 'unavailable' | undefined, today = '2025-03-25') =>
    evaluate(input({ current: { ...fault('2025-03-20'), ...(exchange ? { exchange } : {}) }, today }));

  it('without either fact, day 10 offers exchange or repair and no return', () => {
    expect(opts(exchangeDue(undefined))).toEqual(['exchange', 'repair']);
  });

  it('refused: return less depreciation, days in the shop not counted', () => {
    const d = exchangeDue('refused');
    expect(opts(d)).toEqual(['return', 'exchange', 'repair']);
    // 03-10 → 03-25 is 15 days; the 5 days since it was handed in (03-20 → 03-25) are 修理占用 → 10 days used.
    // 折旧费 = ¥3,000.00 × 0.5 %/day × 10 = ¥150.00; refund ¥2,850.00.
    expect(ret(d)!.refundAmount).toBe(285000);
    expect(codes(ret(d)!.reasons)).toEqual(['exchangeRefusedReturn', 'refundDepreciated']);
    expect(ret(d)!.reasons[1]!.params).toMatchObject({ days: 10, depreciation: 15000, amount: 285000 });
    expect(formatReason(ret(d)!.reasons[0]!, 'zh-CN')).toContain('客户不愿调换');
  });

  it('no unit of the same model: return, and the 折旧费 clause belongs to the refusal, so the invoice price', () => {
    const d = exchangeDue('unavailable');
    expect(ret(d)!.refundAmount).toBe(300000);
    expect(codes(ret(d)!.reasons)).toEqual(['exchangeUnavailableReturn', 'refundFullPrice']);
    expect(formatReason(ret(d)!.reasons[0]!, 'zh-CN')).toContain('无同型号同规格');
  });

  it('a policy that reads the clause as covering both charges depreciation for want of a unit too', () => {
    const strict: CategoryPolicy = { ...PHONE_2001, exchangeFallback: { ...PHONE_2001.exchangeFallback, depreciateWhenUnavailable: true } };
    const d = evaluate(input({ current: { ...fault('2025-03-20'), exchange: 'unavailable' }, today: '2025-03-25' }, strict));
    expect(ret(d)!.refundAmount).toBe(285000);
  });

  it('an exchange due after two failed repairs (第十三条) opens the same return', () => {
    const rep = (sentIn: string, returnedOn: string) => ({ faultCode: 'no_boot', sentIn, returnedOn, partsWaitDays: 0, outcome: 'not_fixed' as const, chargeable: false, partsReplaced: [] });
    const d = evaluate(input({ history: [rep('2025-05-01', '2025-05-03'), rep('2025-07-01', '2025-07-04')], current: { ...fault('2025-09-01'), exchange: 'refused' }, today: '2025-09-01' }));
    expect(opts(d)).toEqual(['return', 'exchange', 'repair']);
    // 03-10 → 09-01 = 175 days, less 2 + 3 days in repair = 170 days; ¥3,000.00 × 0.5 % × 170 = ¥2,550.00 → ¥450.00.
    expect(ret(d)!.refundAmount).toBe(45000);
  });

  it('inside the 7-day window a refusal changes nothing: the return is at the invoice price (第十一条)', () => {
    const d = evaluate(input({ current: { ...fault('2025-03-15'), exchange: 'refused' }, today: '2025-03-15' }));
    expect(ret(d)!.refundAmount).toBe(300000);
    expect(codes(ret(d)!.reasons)).toEqual(['returnWindow', 'refundFullPrice']);
  });

  it('no exchange due, no return: a refusal alone opens nothing', () => {
    const d = evaluate(input({ current: { ...fault('2025-06-01'), exchange: 'refused' }, today: '2025-06-01' }));
    expect(opts(d)).toEqual(['repair']);
  });
});

describe('《部分商品修理更换退货责任规定》 第十三条 (household)', () => {
  // "在三包有效期内，符合换货条件的，销售者因无同型号同规格产品，消费者不愿调换其他型号、规格产品而要求退货的，
  //  销售者应当予以退货；有同型号同规格产品，消费者不愿调换而要求退货的，销售者应当予以退货，对已使用过的商品按
  //  本规定收取折旧费。"
  it('a refrigerator on day 12 whose owner refuses the exchange: return less 0.05 %/day', () => {
    const dev = { category: 'refrigerator' as const, purchasePrice: 400000, hasInvoice: true, invoiceDate: '2025-03-10' };
    const d = evaluate(input({ device: dev, current: { ...fault('2025-03-22'), exchange: 'refused' }, today: '2025-03-22' }, REFRIGERATOR_1995));
    // 12 days × 0.05 % × ¥4,000.00 = ¥24.00 → ¥3,976.00
    expect(ret(d)!.refundAmount).toBe(397600);
  });
  it('the microcomputer preset has no such article enabled (not verified in its text)', () => {
    const dev = { category: 'laptop' as const, purchasePrice: 800000, hasInvoice: true, invoiceDate: '2025-03-10' };
    const d = evaluate(input({ device: dev, current: { ...fault('2025-03-20'), exchange: 'refused' }, today: '2025-03-20' }, LAPTOP_2002));
    expect(opts(d)).toEqual(['exchange', 'repair']);
  });
});

describe('《移动电话机商品修理更换退货责任规定》 第十四条: accessories replaced twice', () => {
  // "……电池、充电器、移动终端卡、外接有线耳机、数据接口卡等移动电话机附件出现……性能故障的，销售者应当为消费者免费
  //  更换同品牌同型号同规格的附件。更换两次仍不能正常使用的，销售者应当负责免费为消费者退货，单独销售的，按发货票
  //  价格一次退还货款；与主机一起销售的，按退货当时单独销售的价格一次退还货款。"
  const battery: Line = { id: 'b', type: 'part', part: 'battery', price: 9900 };
  const swap = (sentIn: string) => ({ faultCode: 'battery', sentIn, returnedOn: sentIn, partsWaitDays: 0, outcome: 'fixed' as const, chargeable: false, partsReplaced: [{ part: 'battery', completedOn: sentIn, period: { n: 6, unit: 'month' as const } }] });

  it('a battery replaced twice and failing again inside its six months may be returned', () => {
    const d = evaluate(input({ history: [swap('2025-04-01'), swap('2025-05-01')], current: fault('2025-06-01', true, 'battery'), today: '2025-06-01', lines: [battery] }));
    expect(opts(d)).toContain('return:battery');
    const r = d.options.find((o) => o.part === 'battery')!;
    expect(r.reasons).toEqual([{ code: 'accessoryReplacedTwice', params: { part: 'battery', count: 2 } }]);
    expect(formatReason(r.reasons[0]!, 'zh-CN')).toBe('附件电池已更换2次仍不能正常使用，可退货（单独购买的按发票价格退款，随主机购买的按退货时单独销售价格退款）');
  });
  it('once replaced is not enough', () => {
    const d = evaluate(input({ history: [swap('2025-05-01')], current: fault('2025-06-01', true, 'battery'), today: '2025-06-01', lines: [battery] }));
    expect(opts(d)).not.toContain('return:battery');
  });
});

describe('how "自售出之日起7日内" is counted is a policy choice with the law\'s default', () => {
  // 民法典 第二百零一条: "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算。"
  // Sold Wednesday 2025-03-12: day 7 is Wednesday 03-19 (the law's count); counting the sale day as day 1 ends on 03-18.
  const dev = { category: 'phone' as const, purchasePrice: 300000, hasInvoice: true, invoiceDate: '2025-03-12' };
  it('the presets count from the day after the sale: 03-19 is still inside', () => {
    const d = evaluate(input({ device: dev, current: fault('2025-03-19'), today: '2025-03-19' }));
    expect(opts(d)).toContain('return');
    expect(PHONE_2001.windowCounting).toBe('day_after_sale');
  });
  it('a policy counting the sale day as day 1 closes the return on 03-18', () => {
    const p: CategoryPolicy = { ...PHONE_2001, windowCounting: 'sale_day_first' };
    expect(opts(evaluate(input({ device: dev, current: fault('2025-03-19'), today: '2025-03-19' }, p)))).toEqual(['exchange', 'repair']);
    expect(opts(evaluate(input({ device: dev, current: fault('2025-03-18'), today: '2025-03-18' }, p)))).toContain('return');
  });
});
