/**
 * Built-in presets for the national 三包 rules, as data. Head office copies and edits them
 * (policies are data, never code); every row names its regulation and article, and how sure we
 * are of it (`confidence`, see schemas.ts). Research notes: /work/shared/reference/sanbao-rules.md.
 *
 * Where our reference notes and the published text disagree we follow the text:
 * - phone charger: 1 year. The official reading (and 附录 of the rule) lists 充电器 1年; the
 *   "3/6 months" some secondary sources give is wrong.
 * - the 7/15-day windows count from the day after the sale (民法典 第二百零一条; the text says
 *   "自售出之日起7日内"), so a phone sold on 03-01 can be returned through 03-08.
 */
import type { CategoryPolicy, Finding, LocalName, PartRule, Period, Scope, Source } from './schemas';

const y = (n: number): Period => ({ n, unit: 'year' });
const mo = (n: number): Period => ({ n, unit: 'month' });
const nm = (zh: string, en: string): LocalName => ({ 'zh-CN': zh, en });
const src = (regulation: Source['regulation'], article: string, confidence: Source['confidence'], note?: string): Source =>
  note ? { regulation, article, confidence, note } : { regulation, article, confidence };
const part = (id: string, name: LocalName, period: Period, source: Source): PartRule => ({ id, name, period, source });

/**
 * What each intake finding voids. Liquid and impact are damage the maker does not answer for,
 * but an accessory sold separately (a charger) is not touched by liquid in the phone, and an
 * accident is exactly what accidental-damage cover pays for. Tampering, an unauthorized repair
 * (微机 规定 exclusions: 非三包修理者拆动), altered proof and a serial mismatch void everything,
 * since the device or its papers can no longer be trusted. Rooting is a brand rule rather than a
 * statutory one; the nearest statutory ground is misuse (使用不当), so it voids unit and main-part
 * cover and the 三包 options but not separately sold accessories. `no_proof` is handled by the
 * engine as "no invoice" (the no-invoice rule then decides what is left).
 */
export const DEFAULT_EXCLUSIONS: Record<Finding, Scope[]> = {
  liquid: ['unit', 'main_part', 'sanbao', 'extended_warranty', 'replace_program'],
  impact: ['unit', 'main_part', 'sanbao', 'extended_warranty', 'replace_program'],
  tampered_seal: ['unit', 'main_part', 'accessory', 'sanbao', 'extended_warranty', 'accidental_damage', 'replace_program'],
  unauthorized_repair: ['unit', 'main_part', 'sanbao', 'extended_warranty', 'accidental_damage', 'replace_program'],
  rooted: ['unit', 'main_part', 'sanbao', 'extended_warranty'],
  no_proof: ['sanbao'],
  altered_proof: ['unit', 'main_part', 'accessory', 'sanbao', 'extended_warranty', 'accidental_damage', 'replace_program'],
  serial_mismatch: ['unit', 'main_part', 'accessory', 'sanbao', 'extended_warranty', 'accidental_damage', 'replace_program'],
};

const PHONE = 'cn.mobile_phone_2001' as const;
const PC = 'cn.microcomputer_2002' as const;
const HH = 'cn.household_1995' as const;
const FLAT = 'cn.flat_tv_2011' as const;
const CIVIL = 'cn.civil_code_2020' as const;

const civilHoliday = src(CIVIL, '第二百零三条', 'text', 'last day on a rest day → the day after the rest ends');
const windowCountingSource = src(CIVIL, '第二百零一条', 'text', 'the start day is not counted: 自售出之日起7日内 runs through sale day + 7');

export const PHONE_2001: CategoryPolicy = {
  id: 'cn.phone.2001',
  version: 'cn.phone.2001/1',
  name: nm('移动电话机（国家三包）', 'Mobile phone (national 三包)'),
  category: 'phone',
  regulation: PHONE,
  unitPeriod: y(1),
  mainParts: [],
  accessories: [
    part('battery', nm('电池', 'Battery'), mo(6), src(PHONE, '附录', 'text')),
    part('charger', nm('充电器', 'Charger'), y(1), src(PHONE, '附录', 'text', 'some secondary sources say 3/6 months; the text says 1 year')),
    part('wired_headset', nm('外接有线耳机', 'Wired headset'), mo(3), src(PHONE, '附录', 'text')),
    part('data_card', nm('数据接口卡', 'Data interface card'), y(1), src(PHONE, '附录', 'text')),
    part('terminal_card', nm('移动终端卡', 'Mobile terminal card'), y(1), src(PHONE, '附录', 'text')),
  ],
  mainPartLaborCovered: true,
  startsAtInstallation: false,
  returnDays: 7,
  exchangeDays: 15,
  depreciationPpmPerDay: 5000,
  repairerDelayDays: 30,
  partsWaitDays: 60,
  loanerDays: 7,
  repairWarrantyDays: 90,
  repeatRepair: { threshold: 2, options: ['exchange'], requiresListedFault: true },
  noInvoice: { factoryOffsetDays: 90, factoryOptions: ['repair'], otherProofOptions: ['repair', 'exchange'] },
  holidayExtendsWindows: true,
  windowCounting: 'day_after_sale',
  exchangeFallback: { returnWhenRefused: true, returnWhenUnavailable: true, depreciateWhenUnavailable: false },
  accessoryReturnAfter: 2,
  exclusions: DEFAULT_EXCLUSIONS,
  sources: {
    exchangeFallback: src(PHONE, '第十九条', 'text', 'exchange due: no same model/spec (customer will not take another) or customer refuses → return; refusal pays 折旧费'),
    accessoryReturn: src(PHONE, '第十四条', 'secondary', 'accessory replaced twice, still failing → return: sold alone at invoice price, with the unit at its separate price then'),
    windowCounting: windowCountingSource,
    periodStart: src(PHONE, '三包有效期自开具发票之日起计算', 'text'),
    unit: src(PHONE, '附录', 'text', '主机 1年'),
    returnDays: src(PHONE, '第十一条', 'text', 'days 1–7: return, exchange or repair; refund at invoice price'),
    exchangeDays: src(PHONE, '第十二条', 'text', 'days 8–15: exchange or repair'),
    depreciation: src(PHONE, '第十九条', 'secondary', '0.5 %/day: four secondary sources agree; rate table not seen in text'),
    repairerDelay: src(PHONE, '—', 'secondary', 'repairer’s own cause > 30 days → exchange'),
    partsWait: src(PHONE, '第十六条', 'text', 'no parts from the producer, not fixed 60 days after send-in → exchange'),
    loaner: src(PHONE, '—', 'secondary', 'not repaired within 7 days → loaner'),
    repairWarranty: src(PHONE, '第十条', 'text', 'repaired phone must work ≥ 30 days; 90 is our policy default'),
    repeatRepair: src(PHONE, '第十三条', 'text', 'two repairs of a listed fault still failing → free host exchange'),
    noInvoice: src(PHONE, '三包凭证/发票 条', 'text', 'no invoice/evidence: factory date + 90th day starts the period, free repair only; stub/copy as evidence: repair and exchange'),
    exchangeRestart: src(PHONE, '—', 'secondary', 'fixed-phone rule 第十八条 states it in text'),
    holiday: civilHoliday,
    exclusions: src(PHONE, '免责条款', 'secondary'),
  },
};

const pcCommon = {
  regulation: PC,
  unitPeriod: y(1),
  mainPartLaborCovered: true,
  startsAtInstallation: false,
  returnDays: 7,
  exchangeDays: 15,
  depreciationPpmPerDay: 2500,
  repairerDelayDays: 30,
  partsWaitDays: 60,
  loanerDays: null,
  repairWarrantyDays: 90,
  repeatRepair: { threshold: 2, options: ['exchange'], requiresListedFault: false },
  noInvoice: { factoryOffsetDays: null, factoryOptions: [], otherProofOptions: ['repair', 'exchange'] },
  holidayExtendsWindows: true,
  windowCounting: 'day_after_sale',
  // The microcomputer rule's return-instead-of-exchange article was not read: off until verified.
  exchangeFallback: { returnWhenRefused: false, returnWhenUnavailable: false, depreciateWhenUnavailable: false },
  accessoryReturnAfter: null,
  exclusions: DEFAULT_EXCLUSIONS,
  sources: {
    windowCounting: windowCountingSource,
    periodStart: src(PC, '第八条', 'text', 'from the invoice date, repair and waiting time excluded'),
    unit: src(PC, '第八条/附件', 'secondary'),
    returnDays: src(PC, '第十一条', 'text'),
    exchangeDays: src(PC, '第十二条', 'text'),
    depreciation: src(PC, '—', 'unconfirmed', '0.25 %/day from one secondary source only: verify before use'),
    repairerDelay: src(PC, '—', 'unconfirmed'),
    partsWait: src(PC, '—', 'unconfirmed'),
    repairWarranty: src(PC, '第十条', 'text', 'repaired unit must work ≥ 30 days'),
    repeatRepair: src(PC, '—', 'secondary', 'two repairs still failing → whole-unit replacement'),
    noInvoice: src(PC, '第九条', 'text', 'lost invoice but can prove the date: repair and exchange'),
    holiday: src(PC, '第八条', 'text'),
    exclusions: src(PC, '第二十八条', 'secondary'),
  },
} satisfies Partial<CategoryPolicy>;

export const LAPTOP_2002: CategoryPolicy = {
  ...pcCommon,
  id: 'cn.laptop.2002',
  version: 'cn.laptop.2002/1',
  name: nm('便携式微型计算机（国家三包）', 'Notebook computer (national 三包)'),
  category: 'laptop',
  mainParts: [
    part('mainboard', nm('主板', 'Mainboard'), y(2), src(PC, '附件', 'secondary')),
    part('cpu', nm('CPU', 'CPU'), y(2), src(PC, '附件', 'secondary')),
    part('memory', nm('内存', 'Memory'), y(2), src(PC, '附件', 'secondary')),
    part('display', nm('显示器', 'Display'), y(2), src(PC, '附件', 'secondary')),
    part('hard_disk', nm('硬盘驱动器', 'Hard disk'), y(2), src(PC, '附件', 'secondary')),
    part('keyboard', nm('键盘', 'Keyboard'), y(2), src(PC, '附件', 'secondary')),
    part('power_adapter', nm('电源适配器', 'Power adapter'), y(2), src(PC, '附件', 'secondary')),
  ],
  accessories: [],
};

export const DESKTOP_2002: CategoryPolicy = {
  ...pcCommon,
  id: 'cn.desktop.2002',
  version: 'cn.desktop.2002/1',
  name: nm('台式微型计算机（国家三包）', 'Desktop computer (national 三包)'),
  category: 'desktop',
  // The desktop main-part list is from secondary sources only; verify against 附件 before use.
  mainParts: [
    part('mainboard', nm('主板', 'Mainboard'), y(2), src(PC, '附件', 'unconfirmed')),
    part('cpu', nm('CPU', 'CPU'), y(2), src(PC, '附件', 'unconfirmed')),
    part('memory', nm('内存', 'Memory'), y(2), src(PC, '附件', 'unconfirmed')),
    part('hard_disk', nm('硬盘驱动器', 'Hard disk'), y(2), src(PC, '附件', 'unconfirmed')),
    part('power_supply', nm('电源', 'Power supply'), y(2), src(PC, '附件', 'unconfirmed')),
    part('display', nm('显示器', 'Display'), y(2), src(PC, '附件', 'unconfirmed')),
    part('keyboard', nm('键盘', 'Keyboard'), y(2), src(PC, '附件', 'unconfirmed')),
    part('mouse', nm('鼠标', 'Mouse'), y(2), src(PC, '附件', 'unconfirmed')),
  ],
  accessories: [],
};

/** Rules shared by every row of the household table (《部分商品修理更换退货责任规定》). */
const householdCommon = {
  regulation: HH,
  unitPeriod: y(1),
  accessories: [],
  mainPartLaborCovered: true,
  startsAtInstallation: false,
  returnDays: 7,
  exchangeDays: 15,
  repairerDelayDays: 30,
  partsWaitDays: 90,
  loanerDays: null,
  repairWarrantyDays: 90,
  repeatRepair: { threshold: 2, options: ['exchange', 'return'], requiresListedFault: false },
  // The household rule has no factory-date fallback: 三包 needs the invoice and 三包凭证.
  noInvoice: { factoryOffsetDays: null, factoryOptions: [], otherProofOptions: [] },
  holidayExtendsWindows: true,
  windowCounting: 'day_after_sale',
  exchangeFallback: { returnWhenRefused: true, returnWhenUnavailable: true, depreciateWhenUnavailable: false },
  accessoryReturnAfter: null,
  exclusions: DEFAULT_EXCLUSIONS,
} satisfies Partial<CategoryPolicy>;

const hhSources = (extra: Partial<CategoryPolicy['sources']>): CategoryPolicy['sources'] => ({
  periodStart: src(HH, '第八条', 'text'),
  returnDays: src(HH, '第九条', 'text'),
  exchangeDays: src(HH, '第十条', 'text'),
  repeatRepair: src(HH, '第十一条', 'text', 'two repairs still failing → exchange or refund'),
  partsWait: src(HH, '第十二条', 'text', 'no parts from the producer, > 90 days from send-in → exchange'),
  repairerDelay: src(HH, '第十二条', 'text', 'repairer’s own cause > 30 days → exchange at the repairer’s cost'),
  depreciation: src(HH, '第十三条/附件', 'text'),
  exchangeRestart: src(HH, '第十四条', 'text'),
  exchangeFallback: src(HH, '第十三条', 'text', 'exchange due: no same model/spec (customer will not take another) or customer refuses → return; refusal pays 折旧费'),
  windowCounting: windowCountingSource,
  holiday: civilHoliday,
  noInvoice: src(HH, '第八条', 'secondary', 'no fallback without invoice and 三包凭证'),
  ...extra,
});

function household(
  id: string,
  category: CategoryPolicy['category'],
  name: LocalName,
  mainYears: number,
  parts: [string, string, string][],
  ppm: number,
  confidence: Source['confidence'],
  regulation: Source['regulation'] = HH,
  extra: Partial<CategoryPolicy> = {},
): CategoryPolicy {
  const rowSource = src(regulation, '附件', confidence);
  return {
    ...householdCommon,
    id,
    version: `${id}/1`,
    name,
    category,
    mainParts: parts.map(([pid, zh, en]) => part(pid, nm(zh, en), y(mainYears), rowSource)),
    depreciationPpmPerDay: ppm,
    sources: hhSources({ unit: rowSource, depreciation: rowSource }),
    ...extra,
  };
}

const TV_CRT_PARTS: [string, string, string][] = [
  ['crt', '显像管', 'Picture tube'],
  ['flyback', '行输出变压器', 'Flyback transformer'],
  ['tuner', '高频头', 'Tuner'],
  ['ic', '集成电路', 'Integrated circuits'],
];

export const COLOUR_TV_1995 = household('cn.tv.colour.1995', 'tv', nm('彩色电视机（国家三包）', 'Colour TV (national 三包)'), 3, TV_CRT_PARTS, 1000, 'text');
export const BW_TV_1995 = household('cn.tv.bw.1995', 'tv', nm('黑白电视机（国家三包）', 'Black-and-white TV (national 三包)'), 3, TV_CRT_PARTS, 500, 'text');
export const VCR_1995 = household(
  'cn.vcr.1995',
  'video_recorder',
  nm('家用录像机（国家三包）', 'Video recorder (national 三包)'),
  1,
  [
    ['drum_motor', '磁鼓电机', 'Drum motor'],
    ['capstan_motor', '主导轴电机', 'Capstan motor'],
    ['loading_motor', '加载电机', 'Loading motor'],
    ['ic', '集成电路', 'Integrated circuits'],
  ],
  1000,
  'text',
);
/** The 2011 addition: flat TVs start at completed delivery/installation when there is one. */
export const LCD_TV_2011 = household(
  'cn.tv.lcd.2011',
  'tv',
  nm('液晶电视机（国家三包）', 'LCD TV (national 三包)'),
  3,
  [
    ['panel', '显示屏', 'Display panel'],
    ['backlight', '背光组件', 'Backlight assembly'],
    ['logic_board', '逻辑组件', 'Logic board'],
    ['tuner', '高频调谐器', 'Tuner'],
  ],
  1000,
  'text',
  FLAT,
  { startsAtInstallation: true },
);
export const PLASMA_TV_2011 = household(
  'cn.tv.plasma.2011',
  'tv',
  nm('等离子电视机（国家三包）', 'Plasma TV (national 三包)'),
  3,
  [
    ['panel', '显示屏', 'Display panel'],
    ['driver_board', '驱动组件', 'Driver board'],
    ['logic_board', '逻辑组件', 'Logic board'],
    ['tuner', '高频调谐器', 'Tuner'],
  ],
  1000,
  'text',
  FLAT,
  { startsAtInstallation: true },
);
// Rows below are from secondary sources (our reference marks them [B]) or unconfirmed: the
// 1995 附件 table was not read for them. Verify before relying on the figures.
export const REFRIGERATOR_1995 = household(
  'cn.refrigerator.1995',
  'refrigerator',
  nm('家用电冰箱（国家三包）', 'Refrigerator (national 三包)'),
  3,
  [
    ['compressor', '压缩机', 'Compressor'],
    ['thermostat', '温控器', 'Thermostat'],
  ],
  500,
  'secondary',
);
export const AIR_CONDITIONER_1995 = household(
  'cn.air_conditioner.1995',
  'air_conditioner',
  nm('家用空调器（国家三包）', 'Air conditioner (national 三包)'),
  3,
  [
    ['compressor', '压缩机', 'Compressor'],
    ['fan_motor', '风扇电机', 'Fan motor'],
    ['thermostat', '温控器', 'Thermostat'],
  ],
  1000,
  'secondary',
);
export const WASHING_MACHINE_1995 = household(
  'cn.washing_machine.1995',
  'washing_machine',
  nm('洗衣机（国家三包）', 'Washing machine (national 三包)'),
  3,
  [
    ['motor', '电动机', 'Motor'],
    ['program_controller', '程序控制器', 'Program controller'],
  ],
  500,
  'unconfirmed',
);
export const MICROWAVE_1995 = household(
  'cn.microwave.1995',
  'microwave',
  nm('微波炉（国家三包）', 'Microwave oven (national 三包)'),
  3,
  [['magnetron', '磁控管', 'Magnetron']],
  500,
  'unconfirmed',
);

export const PRESETS: readonly CategoryPolicy[] = [
  PHONE_2001,
  LAPTOP_2002,
  DESKTOP_2002,
  COLOUR_TV_1995,
  BW_TV_1995,
  LCD_TV_2011,
  PLASMA_TV_2011,
  VCR_1995,
  REFRIGERATOR_1995,
  AIR_CONDITIONER_1995,
  WASHING_MACHINE_1995,
  MICROWAVE_1995,
];

export function findPreset(id: string): CategoryPolicy | undefined {
  return PRESETS.find((p) => p.id === id);
}
