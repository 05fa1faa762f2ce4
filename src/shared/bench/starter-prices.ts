/**
 * A starter price list (issue 19 point 2): what a new shop can quote with on its first day, by
 * the categories it repairs. The prices are the going rates of an authorized counter in a
 * tier-1 city (labour by the job, the diagnosis fee a declined quote carries, a rush fee); the
 * manager edits them in place afterwards. The demo shop starts with the same list.
 */
import type { DeviceCategory } from '../devices/categories';
import type { PriceItemInput } from './schemas';

type StarterItem = Omit<PriceItemInput, 'id' | 'active' | 'diagnosisFee' | 'nameEn'> & { nameEn: string; diagnosisFee?: boolean };

/** Every shop gets these: the diagnosis fee and the rush fee apply to every category. */
const COMMON: StarterItem[] = [
  { code: 'FEE-DIAG', kind: 'fee', nameZh: '检测费', nameEn: 'Diagnosis fee', category: '', priceFen: 5000, diagnosisFee: true },
  { code: 'FEE-RUSH', kind: 'fee', nameZh: '加急费', nameEn: 'Rush fee', category: '', priceFen: 3000 },
];
const APPLIANCE_LABOUR: StarterItem = { code: 'LAB-APPLIANCE', kind: 'labor', nameZh: '家电维修工时', nameEn: 'Appliance repair labor', category: '', priceFen: 10000 };
const VISIT: StarterItem = { code: 'FEE-VISIT', kind: 'fee', nameZh: '上门服务费', nameEn: 'On-site visit fee', category: '', priceFen: 5000 };

const BY_CATEGORY: Record<DeviceCategory, StarterItem[]> = {
  phone: [
    { code: 'LAB-PHONE-SCREEN', kind: 'labor', nameZh: '手机更换屏幕工时', nameEn: 'Phone screen replacement labor', category: 'phone', priceFen: 8000 },
    { code: 'LAB-PHONE-BATTERY', kind: 'labor', nameZh: '手机更换电池工时', nameEn: 'Phone battery replacement labor', category: 'phone', priceFen: 5000 },
    { code: 'LAB-PHONE-BOARD', kind: 'labor', nameZh: '手机主板维修工时', nameEn: 'Phone mainboard repair labor', category: 'phone', priceFen: 15000 },
  ],
  tablet: [
    { code: 'LAB-TABLET-SCREEN', kind: 'labor', nameZh: '平板更换屏幕工时', nameEn: 'Tablet screen replacement labor', category: 'tablet', priceFen: 10000 },
    { code: 'LAB-TABLET-BATTERY', kind: 'labor', nameZh: '平板更换电池工时', nameEn: 'Tablet battery replacement labor', category: 'tablet', priceFen: 6000 },
  ],
  laptop: [{ code: 'LAB-LAPTOP', kind: 'labor', nameZh: '笔记本拆装维修工时', nameEn: 'Laptop repair labor', category: 'laptop', priceFen: 12000 }],
  desktop: [{ code: 'LAB-DESKTOP', kind: 'labor', nameZh: '台式机维修工时', nameEn: 'Desktop repair labor', category: 'desktop', priceFen: 8000 }],
  tv: [{ code: 'LAB-TV', kind: 'labor', nameZh: '电视上门维修工时', nameEn: 'TV repair labor (on site)', category: 'tv', priceFen: 15000 }],
  // Large appliances are repaired where they stand: the visit is a fee of its own.
  refrigerator: [APPLIANCE_LABOUR, VISIT],
  washing_machine: [APPLIANCE_LABOUR, VISIT],
  air_conditioner: [APPLIANCE_LABOUR, VISIT],
  microwave: [APPLIANCE_LABOUR],
  video_recorder: [APPLIANCE_LABOUR],
  small_appliance: [APPLIANCE_LABOUR],
};

/** The starter items for the categories a shop repairs, each code once, in a stable order. */
export function starterPriceItems(categories: readonly DeviceCategory[]): PriceItemInput[] {
  const seen = new Set<string>();
  const out: PriceItemInput[] = [];
  for (const item of [...categories.flatMap((c) => BY_CATEGORY[c]), ...COMMON]) {
    if (seen.has(item.code)) continue;
    seen.add(item.code);
    out.push({ ...item, diagnosisFee: item.diagnosisFee ?? false, active: true });
  }
  return out;
}
