/**
 * Customer messages at each step of a ticket (issue 20, point 3): the pure rules, no I/O.
 * Head office (enrolled shops) and a non-enrolled shop's backend tick both call dueMessages
 * on a ticket's facts and send what it returns through a gateway (src/core/messaging).
 */
export type MessageLocale = 'zh-CN' | 'en';

export const MESSAGE_KINDS = ['received', 'quote_awaiting', 'awaiting_parts', 'ready', 'uncollected', 'collected', 'survey'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The variables each kind's template may use (`{name}`); `link` may be empty until status links exist. */
export const TEMPLATE_VARIABLES: Record<MessageKind, readonly string[]> = {
  received: ['shop', 'number', 'device', 'link', 'phone'],
  quote_awaiting: ['shop', 'number', 'device', 'link', 'total', 'phone'],
  awaiting_parts: ['shop', 'number', 'device', 'link', 'phone'],
  ready: ['shop', 'number', 'device', 'link', 'total', 'phone'],
  uncollected: ['shop', 'number', 'device', 'link', 'days', 'phone'],
  collected: ['shop', 'number', 'device', 'warrantyEnd', 'phone'],
  survey: ['shop', 'number', 'device', 'link', 'phone'],
};

export const DEFAULT_TEMPLATES: Record<'zh-CN' | 'en', Record<MessageKind, string>> = {
  'zh-CN': {
    received: '【{shop}】您的{device}已受理，单号{number}。进度：{link}',
    quote_awaiting: '【{shop}】维修单{number}报价{total}，请确认：{link} 咨询{phone}',
    awaiting_parts: '【{shop}】维修单{number}正在等待配件，到货后尽快为您维修。',
    ready: '【{shop}】您的{device}已可取机，单号{number}，应付{total}。',
    uncollected: '【{shop}】您的{device}已完成{days}天尚未取回，单号{number}，请尽快取机。',
    collected: '【{shop}】维修单{number}已取机，保修至{warrantyEnd}。感谢惠顾！',
    survey: '【{shop}】请为本次维修（{number}）评价：{link}',
  },
  en: {
    received: '{shop}: your {device} was received, ticket {number}. Status: {link}',
    quote_awaiting: '{shop}: ticket {number} quote {total}, please approve: {link} Questions: {phone}',
    awaiting_parts: '{shop}: ticket {number} is waiting for parts; we repair as soon as they arrive.',
    ready: '{shop}: your {device} is ready to collect, ticket {number}, due {total}.',
    uncollected: '{shop}: your {device} has been ready for {days} days, ticket {number}. Please collect it.',
    collected: '{shop}: ticket {number} collected; warranty until {warrantyEnd}. Thank you!',
    survey: '{shop}: how was your repair ({number})? {link}',
  },
};

export type TemplateCheck = { ok: true } | { ok: false; code: 'MESSAGE_TEMPLATE_UNKNOWN_VARIABLE' | 'MESSAGE_TEMPLATE_EMPTY'; variables: string[] };

/** Refuses a template using a variable its kind does not have (the caller translates the code). */
export function checkTemplate(kind: MessageKind, text: string): TemplateCheck {
  if (!text.trim()) return { ok: false, code: 'MESSAGE_TEMPLATE_EMPTY', variables: [] };
  const allowed = new Set(TEMPLATE_VARIABLES[kind]);
  const unknown = [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((v) => !allowed.has(v));
  return unknown.length ? { ok: false, code: 'MESSAGE_TEMPLATE_UNKNOWN_VARIABLE', variables: [...new Set(unknown)] } : { ok: true };
}

export function renderTemplate(text: string, vars: Partial<Record<string, string>>): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (_, v: string) => vars[v] ?? '');
}

export interface MessageRules {
  /** First uncollected reminder this many days after `ready`; default 7. */
  uncollectedAfterDays: number;
  /** Then every this many days; default 7. */
  uncollectedEveryDays: number;
  /** At most this many reminders; default 3. */
  uncollectedMax: number;
  /** Survey this many days after collection; default 3 (0 = never). */
  surveyAfterDays: number;
  /** Quiet hours, local "HH:MM" in timeZone; default 21:00–08:00. */
  quietStart: string;
  quietEnd: string;
  timeZone: string;
}

export const DEFAULT_MESSAGE_RULES: MessageRules = {
  uncollectedAfterDays: 7,
  uncollectedEveryDays: 7,
  uncollectedMax: 3,
  surveyAfterDays: 3,
  quietStart: '21:00',
  quietEnd: '08:00',
  timeZone: 'Asia/Shanghai',
};

const hm = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Minutes since local midnight of an instant in a time zone. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const h = Number(parts.find((p) => p.type === 'hour')!.value);
  const m = Number(parts.find((p) => p.type === 'minute')!.value);
  return h * 60 + m;
}

function inQuiet(min: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? min >= start && min < end : min >= start || min < end;
}

/** `at` itself, or the end of the quiet hours it falls in (local quietEnd, DST-aware). */
export function outsideQuietHours(at: Date, rules: Pick<MessageRules, 'quietStart' | 'quietEnd' | 'timeZone'>): Date {
  const start = hm(rules.quietStart);
  const end = hm(rules.quietEnd);
  const min = localMinutes(at, rules.timeZone);
  if (!inQuiet(min, start, end)) return at;
  const wait = (end - min + 1440) % 1440;
  let t = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + wait * 60_000);
  // A DST change during the night shifts local time by the difference: correct once.
  const off = localMinutes(t, rules.timeZone) - end;
  if (off !== 0) t = new Date(t.getTime() - (((off + 720 + 1440) % 1440) - 720) * 60_000);
  return t;
}

export interface TicketMessageFacts {
  /** Status events in order: the event id, the status entered and when (ISO). */
  statuses: { eventId: string; to: string; at: string }[];
  /** Consent recorded at intake; undefined = never asked = not given. */
  consent: boolean | undefined;
  optedOut: boolean;
  collectedAt: string | null;
  /** Dedupe keys of messages already recorded for this ticket. */
  sentKeys: ReadonlySet<string>;
}

export interface DueMessage {
  kind: MessageKind;
  /** Unique per ticket: the same event never sends twice. */
  key: string;
  /** When it may go (after quiet hours). */
  sendAt: string;
  vars: { days?: string };
}

const STATUS_KIND: Record<string, MessageKind> = { received: 'received', awaiting_approval: 'quote_awaiting', awaiting_parts: 'awaiting_parts', ready: 'ready' };
const DAY = 86_400_000;

type Candidate = { kind: MessageKind; key: string; dueAt: Date; vars: DueMessage['vars'] };

/** Every message a ticket's facts call for, each with when it becomes due (sent or not, now or later). */
function candidates(facts: TicketMessageFacts, rules: MessageRules): Candidate[] {
  if (facts.consent !== true || facts.optedOut) return [];
  const out: Candidate[] = [];
  const push = (kind: MessageKind, key: string, dueAt: Date, vars: DueMessage['vars'] = {}) => {
    if (!out.some((m) => m.key === key)) out.push({ kind, key, dueAt, vars });
  };
  const last = facts.statuses.at(-1);
  for (const s of facts.statuses) {
    const kind = STATUS_KIND[s.to];
    // Only the current step is worth telling; a past one is skipped (the ticket moved on).
    if (kind && s === last && !facts.collectedAt) push(kind, `${kind}:${s.eventId}`, new Date(s.at));
  }
  if (last?.to === 'ready' && !facts.collectedAt) {
    const readyAt = new Date(last.at).getTime();
    for (let n = 1; n <= rules.uncollectedMax; n++) {
      const days = rules.uncollectedAfterDays + (n - 1) * rules.uncollectedEveryDays;
      push('uncollected', `uncollected:${last.eventId}:${n}`, new Date(readyAt + days * DAY), { days: String(days) });
    }
  }
  if (facts.collectedAt) {
    const c = new Date(facts.collectedAt);
    push('collected', 'collected', c);
    if (rules.surveyAfterDays > 0) push('survey', 'survey', new Date(c.getTime() + rules.surveyAfterDays * DAY));
  }
  return out;
}

/** The messages due now for a ticket (none without consent or after an opt-out). */
export function dueMessages(facts: TicketMessageFacts, rules: MessageRules, now: Date): DueMessage[] {
  return candidates(facts, rules)
    .filter((m) => m.dueAt.getTime() <= now.getTime() && !facts.sentKeys.has(m.key))
    .map((m) => ({ kind: m.kind, key: m.key, sendAt: outsideQuietHours(now, rules).toISOString(), vars: m.vars }));
}

/**
 * When the ticket's next message not yet sent falls due by time alone (an uncollected reminder,
 * the survey), after `now`; null when none will without a new fact (a status, a consent).
 * Head office's planner rescans a shop that pushed nothing only once this time has come.
 */
export function nextDueAt(facts: TicketMessageFacts, rules: MessageRules, now: Date): Date | null {
  let next: Date | null = null;
  for (const m of candidates(facts, rules)) {
    if (m.dueAt.getTime() > now.getTime() && !facts.sentKeys.has(m.key) && (!next || m.dueAt < next)) next = m.dueAt;
  }
  return next;
}
