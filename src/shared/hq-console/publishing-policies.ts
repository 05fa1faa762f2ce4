/**
 * The console's 三包 policy editor and its what-if preview: publish a category policy (kind
 * warranty.policy, every shop) and see, before publishing, the decision a shop would make with
 * it (the shop's own engine, src/shared/warranty/engine.ts) for a device bought and failed on
 * given dates, with or without a service program.
 */
import { z } from 'zod';
import type { CategoryPolicy, Decision } from '../warranty/schemas';
import { findingSchema, fenSchema, isoDateSchema, partIdSchema } from '../warranty/schemas';
import type { EditorPublished, PublishedItem } from './publishing-editors';

/** The draft is checked with the kind's own schema on the server (translated errors per field). */
export const policyPublishSchema = z.object({ policy: z.record(z.string(), z.unknown()), title: z.string().trim().max(200).default('') }).strict();

export const whatIfSchema = z
  .object({
    /** The policy as it stands in the editor (not yet published). */
    policy: z.record(z.string(), z.unknown()),
    /** Service programs' terms held by the device (drafts or published): valid from the purchase date for a year. */
    programs: z.array(z.record(z.string(), z.unknown())).max(5).default([]),
    purchaseDate: isoDateSchema,
    /** The day the customer brings the fault in: the decision is the one of that day. */
    faultDate: isoDateSchema,
    purchasePrice: fenSchema,
    hasInvoice: z.boolean().default(true),
    performanceFault: z.boolean().default(true),
    findings: z.array(findingSchema).max(8).default([]),
    /** One repair line: the part (null = the unit as a whole) and its price. */
    line: z.object({ part: partIdSchema.nullable(), price: fenSchema }).strict(),
  })
  .strict();
export type WhatIfInput = z.input<typeof whatIfSchema>;

export interface WhatIfResult {
  decision: Decision;
  /** The reasons in the caller's language, as the shop renders them. */
  text: { reasons: string[]; lines: string[][]; options: string[][]; loaner: string[] };
  /** The holiday calendar the decision counted with (head office's last published, else the built-in). */
  calendarId: string;
}

export interface PolicyList {
  published: PublishedItem<CategoryPolicy>[];
  /** The national presets a new policy can start from. */
  presets: readonly CategoryPolicy[];
}

export type PolicyPublished = EditorPublished & { policy: PublishedItem<CategoryPolicy> };
