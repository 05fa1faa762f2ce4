/**
 * The price list the demo shop starts with (labor per category, the diagnosis fee, a rush fee),
 * as an admin would enter it; the scale generator adds a few items to it.
 */
export const SAMPLE_PRICE_LIST = [
  { code: 'LAB-PHONE-SCREEN', kind: 'labor', nameZh: '手机更换屏幕工时', nameEn: 'Phone screen replacement labor', category: 'phone', priceFen: 8000 },
  { code: 'LAB-PHONE-BATTERY', kind: 'labor', nameZh: '手机更换电池工时', nameEn: 'Phone battery replacement labor', category: 'phone', priceFen: 5000 },
  { code: 'LAB-PHONE-BOARD', kind: 'labor', nameZh: '手机主板维修工时', nameEn: 'Phone mainboard repair labor', category: 'phone', priceFen: 15000 },
  { code: 'LAB-LAPTOP', kind: 'labor', nameZh: '笔记本拆装维修工时', nameEn: 'Laptop repair labor', category: 'laptop', priceFen: 12000 },
  { code: 'LAB-TV', kind: 'labor', nameZh: '电视上门维修工时', nameEn: 'TV repair labor (on site)', category: 'tv', priceFen: 15000 },
  { code: 'LAB-APPLIANCE', kind: 'labor', nameZh: '家电维修工时', nameEn: 'Appliance repair labor', category: '', priceFen: 10000 },
  { code: 'FEE-DIAG', kind: 'fee', nameZh: '检测费', nameEn: 'Diagnosis fee', category: '', priceFen: 5000, diagnosisFee: true },
  { code: 'FEE-RUSH', kind: 'fee', nameZh: '加急费', nameEn: 'Rush fee', category: '', priceFen: 3000 },
] as const;
