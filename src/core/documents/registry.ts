/**
 * The document registry: one entry per document type, saying who may print it, on which
 * paper, how its model is loaded from the database and how it is laid out. Every
 * capability registers its documents here; the print service knows nothing else about them.
 */
import type { Role } from '../../shared/api/roles';
import type { Locale } from '../../shared/i18n/types';
import type { ShopSettings } from '../../shared/shop/schemas';
import type { PageFormat } from '../../shared/documents/settings';
import type { DocumentBuilder } from '../../shared/documents/types';
import type { Ctx } from '../api/context';

export interface LoadOptions {
  locale: Locale;
  settings: ShopSettings;
}

export interface DocumentDef<M> {
  /** Catalog key of the document's name, e.g. 'documents.title.intake_receipt'. */
  titleKey: string;
  /** The paper it can be laid out on; the shop's setting picks one of them. */
  formats: readonly PageFormat[];
  /** Who may print it (on top of the print procedures' own roles). */
  roles: readonly Role[];
  /** Reads the model inside the print request's transaction; null = no such entity. */
  load(ctx: Ctx, entityId: string, opts: LoadOptions): Promise<M | null> | M | null;
  build: DocumentBuilder<M>;
  /** What people see in the queue beside the title (a ticket number). */
  reference?(model: M): string;
}

const registry = new Map<string, DocumentDef<unknown>>();

/** Registers (or replaces) a document type; returns a function that removes it again (tests). */
export function registerDocument<M>(docType: string, def: DocumentDef<M>): () => void {
  registry.set(docType, def as DocumentDef<unknown>);
  return () => {
    if (registry.get(docType) === (def as DocumentDef<unknown>)) registry.delete(docType);
  };
}

export function documentDef(docType: string): DocumentDef<unknown> | undefined {
  return registry.get(docType);
}

export function registeredDocTypes(): string[] {
  return [...registry.keys()].sort();
}
