/**
 * What the console's publishing editors share (policies, programs, calendar, users, settings):
 * an item as head office last published it. Each editor's own input schemas are in
 * publishing-<editor>.ts; the kind's data schema (src/shared/sync/kinds.ts) checks what is published.
 */
import { z } from 'zod';

/** An item of a kind as head office last published it: its data, its change number, when. */
export interface PublishedItem<T> {
  id: string;
  data: T;
  /** Head office's change number of this version (a shop has it once its pull cursor reaches it). */
  change: number;
  publishedAt: string;
}

/** What a publish answers: its publication in the log (src/hq/publishing/publish-as.ts) and its change numbers. */
export interface EditorPublished {
  publicationId: number;
  changes: number[];
}

export const shopScopeSchema = z.object({ shopId: z.string().min(1).max(100) }).strict();
