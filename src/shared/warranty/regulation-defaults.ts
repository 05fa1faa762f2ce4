/**
 * Rules a stored policy predates. Policies are data, frozen per version (a shop's presets were
 * written by migration 002, before the engine knew the return that replaces an exchange that is
 * due but impossible or refused, and the accessory rule). A policy that carries no choice for such
 * a rule gets its regulation's own rule, as the presets now state it — never silently "off" for a
 * regulation whose text has it. A policy that states a choice keeps it.
 */
const PHONE = 'cn.mobile_phone_2001';
const HOUSEHOLD = 'cn.household_1995';
const FLAT_TV = 'cn.flat_tv_2011';

const FALLBACK_BY_REGULATION: Record<string, { article: string; regulation: string }> = {
  // 第十九条: no unit of the same model, or the customer refuses the exchange → return
  [PHONE]: { regulation: PHONE, article: '第十九条' },
  // 第十三条 (and the flat-TV notice, which applies the household rule)
  [HOUSEHOLD]: { regulation: HOUSEHOLD, article: '第十三条' },
  [FLAT_TV]: { regulation: HOUSEHOLD, article: '第十三条' },
};

export function withRegulationDefaults(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const p = raw as Record<string, unknown>;
  const regulation = typeof p.regulation === 'string' ? p.regulation : '';
  const out: Record<string, unknown> = { ...p };
  const sources = typeof p.sources === 'object' && p.sources !== null ? { ...(p.sources as Record<string, unknown>) } : undefined;
  const fb = FALLBACK_BY_REGULATION[regulation];
  if (fb && !('exchangeFallback' in p)) {
    out.exchangeFallback = { returnWhenRefused: true, returnWhenUnavailable: true, depreciateWhenUnavailable: false };
    if (sources && !('exchangeFallback' in sources))
      sources.exchangeFallback = { regulation: fb.regulation, article: fb.article, confidence: 'text', note: 'exchange due: no same model/spec (customer will not take another) or customer refuses → return; refusal pays 折旧费' };
  }
  // phone 第十四条: an accessory replaced twice inside its period that still fails is returned
  if (regulation === PHONE && !('accessoryReturnAfter' in p)) {
    out.accessoryReturnAfter = 2;
    if (sources && !('accessoryReturn' in sources))
      sources.accessoryReturn = { regulation: PHONE, article: '第十四条', confidence: 'secondary', note: 'accessory replaced twice, still failing → return: sold alone at invoice price, with the unit at its separate price then' };
  }
  // 民法典 第二百零一条: how the 7/15-day windows count (the law's reading is the zod default)
  if (sources && !('windowCounting' in sources))
    sources.windowCounting = { regulation: 'cn.civil_code_2020', article: '第二百零一条', confidence: 'text', note: 'the start day is not counted: 自售出之日起7日内 runs through sale day + 7' };
  // Migration 002's phone preset cited 第十二条 (days 8–15) for the ≥ 30-day repair guarantee,
  // which is 第十条 (docs/regulations/mobile-phone-2001.md): reasons cite it, so read it right.
  const rw = sources?.repairWarranty as { regulation?: unknown; article?: unknown } | undefined;
  if (sources && regulation === PHONE && rw && rw.regulation === PHONE && rw.article === '第十二条') sources.repairWarranty = { ...rw, article: '第十条' };
  if (sources) out.sources = sources;
  return out;
}
