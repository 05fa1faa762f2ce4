/**
 * The publications log in the console (issue 21 point 3): every publication of head-office data
 * with its version, who and when, and its arrival at each shop it is meant for.
 */
import { z } from 'zod';

export const publicationsListSchema = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    /** One kind only (the price list editor shows its own history). */
    kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,59}$/).optional(),
  })
  .strict();
export const publicationRefSchema = z.object({ publicationId: z.number().int().min(1) }).strict();

export interface HqPublication {
  id: number;
  kind: string;
  /** '*' (every shop) or a shop's id; shopCode names that shop. */
  scope: string;
  shopCode: string | null;
  version: number;
  title: string;
  actor: string;
  actorName: string;
  at: string;
  itemCount: number;
  firstChange: number;
  lastChange: number;
  /** Of the enrolled, unrevoked shops it is meant for: how many have pulled it. */
  shopsArrived: number;
  shopsMeant: number;
}

export const ARRIVAL_STATES = ['arrived', 'waiting', 'notEnrolled', 'revoked'] as const;
export type ArrivalState = (typeof ARRIVAL_STATES)[number];

export interface PublicationArrival {
  shopId: string;
  code: string;
  name: string;
  state: ArrivalState;
  /** The shop's last pull (null: never). */
  lastPullAt: string | null;
}
