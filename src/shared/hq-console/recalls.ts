/**
 * The console's recall campaigns (issue 21 point 8): define or change a campaign (published to
 * every shop as `recall.campaign`), list them, and follow a campaign's completion per shop.
 */
import { z } from 'zod';
import { recallCampaignSchema, type Recall } from '../recalls/schemas';

const id = z.string().min(1).max(100);

/** A new campaign (no id) or a change to one (its id): the whole campaign each time, a new version for the shops. */
export const recallSaveSchema = z.object({ id: id.optional(), campaign: recallCampaignSchema }).strict();
export const recallRefSchema = z.object({ recallId: id }).strict();

/** Where a campaign stands on head office's calendar date (Asia/Shanghai). */
export const RECALL_STATES = ['scheduled', 'running', 'ended'] as const;
export type RecallState = (typeof RECALL_STATES)[number];

export interface HqRecall {
  recall: Recall;
  state: RecallState;
  /** Head office's publication number of this version (the shops pull it after their cursor). */
  change: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface RecallShopCompletion {
  shopId: string;
  shopCode: string;
  shopName: string;
  /** Devices in the shop's synced records the campaign covers. */
  devicesSeen: number;
  /** Tickets the shop recorded against the campaign (the counter accepted the banner at intake). */
  recorded: number;
  /** Of those, handed back to the customer (collected). */
  completed: number;
  /** Whether the shop has pulled this version of the campaign. */
  pulled: boolean;
  lastRecordedAt: string | null;
}

export interface RecallCompletion {
  campaign: HqRecall;
  shops: RecallShopCompletion[];
  total: { devicesSeen: number; recorded: number; completed: number };
}
