/**
 * A customer message's text from its ticket's facts (issue 20 point 3), the same at head office
 * (enrolled shops) and in a shop that sends itself: the customer's language (recorded with their
 * consent), head office's published template for the kind when there is one, else the default,
 * and the variables formatted for that language. Pure: the callers read the facts.
 */
import { formatFen } from '../money/format';
import { DEFAULT_TEMPLATES, renderTemplate, type DueMessage, type MessageKind, type MessageLocale } from './rules';
import type { MessageTemplateData } from './pulled';

// From a string, so the compiled host stays ASCII (see src/shared/money/parse.ts).
const TRAILING_STATUS_LABEL = new RegExp('(进度|Status)[：:]\\s*$');

export interface MessageFacts {
  shop: string;
  number: string;
  device: string;
  /** The status page's address, '' when the shop has none (not enrolled). */
  link: string;
  phone: string;
  /** The latest quote's customer total. */
  totalFen: number | null;
  /** The repair's warranty end (YYYY-MM-DD, fixed at hand-back), null before it. */
  warrantyUntil: string | null;
}

export function messageVars(f: MessageFacts, m: Pick<DueMessage, 'vars'>, locale: MessageLocale): Record<string, string> {
  return {
    shop: f.shop,
    number: f.number,
    device: f.device,
    // The page opens in the customer's language (it has a link to the other).
    link: f.link && locale === 'en' ? `${f.link}?lang=en` : f.link,
    phone: f.phone,
    total: f.totalFen === null ? '' : formatFen(f.totalFen, locale),
    days: m.vars.days ?? '',
    warrantyEnd: f.warrantyUntil ?? '',
  };
}

export function messageText(kind: MessageKind, locale: MessageLocale, vars: Record<string, string>, published?: Pick<MessageTemplateData, 'zh' | 'en'>): string {
  const template = published ? (locale === 'en' ? published.en : published.zh) : DEFAULT_TEMPLATES[locale][kind];
  // Without a status page the link's lead-in ("进度：", "Status:") would end the text with nothing after it.
  return renderTemplate(template, vars).replace(TRAILING_STATUS_LABEL, '').trim();
}

/**
 * The language a message goes out in and the provider template it is sent with. A provider
 * (Alibaba, Tencent) sends only texts it approved, one template per kind and language: an English
 * message needs the kind's English template (`ready.en`); without one the customer gets the
 * Chinese template, and the ticket records the Chinese text they got. A gateway without
 * provider templates (the log gateway) sends the text as written.
 */
export function messageChannel(kind: MessageKind, locale: MessageLocale, templates: Readonly<Record<string, string>> = {}): { locale: MessageLocale; templateCode: string } {
  if (locale === 'en' && templates[`${kind}.en`]) return { locale, templateCode: templates[`${kind}.en`]! };
  if (locale === 'en' && templates[kind]) return { locale: 'zh-CN', templateCode: templates[kind]! };
  return { locale, templateCode: templates[kind] ?? kind };
}
