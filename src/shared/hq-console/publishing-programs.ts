/** The console's service-program editor (kind warranty.program, every shop): extended warranty, accidental damage, replace instead of repair. */
import { z } from 'zod';
import type { ProgramTerms } from '../warranty/schemas';
import type { EditorPublished, PublishedItem } from './publishing-editors';

export const programPublishSchema = z.object({ program: z.record(z.string(), z.unknown()), title: z.string().trim().max(200).default('') }).strict();
/** A program no longer offered: shops keep what devices hold, offer it no more. */
export const programWithdrawSchema = z.object({ id: z.string().min(1).max(64), title: z.string().trim().max(200).default('') }).strict();

export interface ProgramList {
  published: PublishedItem<ProgramTerms>[];
}
export type ProgramPublished = EditorPublished & { program: PublishedItem<ProgramTerms> | null };
