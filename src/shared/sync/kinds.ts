import { z } from 'zod';
import { roleSchema } from '../api/roles';
import { usernameSchema } from '../auth/schemas';
import { HQ_MANAGED_SETTINGS, shopSettingsPatchSchema } from '../shop/schemas';
import { categoryPolicySchema, holidayCalendarSchema, programTermsSchema } from '../warranty/schemas';
import { priceItemInputSchema } from '../bench/schemas';
import { partInputSchema } from '../stock/schemas';
import { claimDecisionDataSchema } from '../hq-console/claims';
import { REMOTE_DECISION_KIND, remoteDecisionDataSchema } from '../status/approval';
import { SURVEY_KIND, surveyDataSchema } from '../status/survey';
import { CUSTOMER_MESSAGE_KIND, MESSAGE_TEMPLATE_KIND, OPT_OUT_KIND, customerMessageDataSchema, messageTemplateDataSchema, optOutDataSchema } from '../messaging/pulled';
import { OLD_PART_RECEIPT_KIND, oldPartReceiptDataSchema } from '../hq-console/returns';
import { COMPLAINT_RESPONSE_KIND, complaintResponseDataSchema } from '../hq-console/complaints';
import { RECALL_KIND, recallCampaignSchema } from '../recalls/schemas';

/**
 * Head-office-owned data ("pulled kinds"): what head office publishes and shops apply.
 * Head office validates what an admin publishes with `data`; the shop applies it through the
 * pull handler registered for the same kind (src/core/sync/pulled.ts). `scope` says whether an
 * item goes to every shop or to one shop.
 *
 * A capability adding head-office data adds its kind here (schema) and a handler in core.
 */
export interface PulledKindDef {
  scope: 'all' | 'shop';
  data: z.ZodType;
  summary: string;
}

/** The settings head office manages for a shop (the shop's own LAN/printer settings stay local). */
export const hqShopSettingsSchema = shopSettingsPatchSchema.pick(HQ_MANAGED_SETTINGS).strict();

/** A user head office provisions for a shop: password as an scrypt hash (`scrypt$N$r$p$salt$hash`), never plain. */
export const hqUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(60),
    role: roleSchema,
    disabled: z.boolean().default(false),
    passwordHash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/).optional(),
  })
  .strict();

export const pulledKinds: Record<string, PulledKindDef> = {
  'shop.settings': { scope: 'shop', data: hqShopSettingsSchema, summary: 'Shop settings head office manages (id "settings").' },
  users: { scope: 'shop', data: hqUserSchema, summary: 'Users head office provisions for a shop (id = user id).' },
  'warranty.policy': { scope: 'all', data: categoryPolicySchema, summary: 'A 三包 category policy (id = policy id); each publish is a new version.' },
  'warranty.calendar': { scope: 'all', data: holidayCalendarSchema, summary: 'The public-holiday calendar (id = calendar id).' },
  'price_list.item': { scope: 'all', data: priceItemInputSchema.omit({ id: true }), summary: 'A labor item or fee of the price list, the diagnosis fee among them (id = item id).' },
  'parts.catalog': {
    scope: 'all',
    data: partInputSchema,
    summary: "A part of the catalog (id = part id): SKU, names, category, models, grade, serial tracking, warranty, list price, standard cost, active. The shop's bin and reorder levels stay the shop's; a deleted part is deactivated.",
  },
  'warranty.program': {
    scope: 'all',
    data: programTermsSchema,
    summary: "A service program's terms (id = program id: extended warranty, accidental damage, replace instead of repair); a device's dates stay the shop's record. A deleted program is no longer offered.",
  },
  'warranty.claimDecision': {
    scope: 'shop',
    data: claimDecisionDataSchema,
    summary: "Head office's decision on one of the shop's warranty claims (id = claim id): approved (amount), rejected (reason), returned for correction (reason, date), paid (amount, batch reference). The shop's claim takes the status; the shop corrects and resubmits a rejected or returned one.",
  },
  [MESSAGE_TEMPLATE_KIND]: {
    scope: 'all',
    data: messageTemplateDataSchema,
    summary: 'A customer message template (id = the message kind: received, quote_awaiting, awaiting_parts, ready, uncollected, collected, survey) in zh-CN and English; its variables are checked against the kind\'s. Head office sends with it instead of the default; shops keep it for reference.',
  },
  [OPT_OUT_KIND]: {
    scope: 'shop',
    data: optOutDataSchema,
    summary: "The customer stopped text messages on the status page (id = the customer's id): head office sends them nothing more; the shop records it as the customer's latest answer.",
  },
  [CUSTOMER_MESSAGE_KIND]: {
    scope: 'shop',
    data: customerMessageDataSchema,
    summary: "A text message head office sent to a customer of the shop (id = the message's id), once its result is final: the kind, the text, the number, delivered or not delivered (with the provider's error). The shop puts it on the ticket's timeline.",
  },
  [SURVEY_KIND]: {
    scope: 'shop',
    data: surveyDataSchema,
    summary: "A customer's answer to the follow-up survey on the status page (id = the answer's id): score 1–5, comment, when. The shop records it as the ticket's follow-up; a low score is a problem reported.",
  },
  [RECALL_KIND]: {
    scope: 'all',
    data: recallCampaignSchema,
    summary:
      'A recall campaign (id = campaign id): its code and titles, the brand, models and IMEI or serial ranges it covers, the action and its instructions (zh-CN, English), start and end dates. The counter sees its banner at intake and in search for a covered device; an intake records the accepted campaign on the ticket (ticket_recalls, synced), from which head office follows completion per shop.',
  },
  [REMOTE_DECISION_KIND]: {
    scope: 'shop',
    data: remoteDecisionDataSchema,
    summary: "A customer's decision on a quote, made on the status page with a one-time code sent to the ticket's phone (id = the decision's id): approved (optional cap) or declined, with the time, the code check and the client address. The shop records it as an authorization of method remote; a decision on a quote revised since is kept on the ticket as outdated.",
  },
  [OLD_PART_RECEIPT_KIND]: {
    scope: 'shop',
    data: oldPartReceiptDataSchema,
    summary: "Head office received one line of the shop's old-part return shipment (id = the old part's id): the shipment, head office's instant, who received it, a note. The shop's line is confirmed at that instant; the shipment closes with its last line.",
  },
  [COMPLAINT_RESPONSE_KIND]: {
    scope: 'shop',
    data: complaintResponseDataSchema,
    summary: "Head office's response to a complaint the shop escalated to it (id = the complaint's id; the latest response): the text, who and when, and the date by which the shop must settle the complaint. The shop's complaint shows it; every response stays on the complaint's timeline.",
  },
};

export const pulledKindIdSchema = z.string().regex(/^[a-z][a-z0-9_.-]{0,59}$/);
/** A kind id as head office publishes it (the keys of `pulledKinds`). */
export type PulledKindId = z.infer<typeof pulledKindIdSchema>;
