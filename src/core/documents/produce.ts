import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '../../shared/api/errors';
import type { Locale } from '../../shared/i18n/types';
import type { PageFormat } from '../../shared/documents/settings';
import type { ShopSettings } from '../../shared/shop/schemas';
import type { Ctx } from '../api/context';
import { code128Svg } from './barcode';
import type { DocumentDef } from './registry';
import { renderPdf } from './render';

export interface ProduceRequest {
  docType: string;
  entityId: string;
  format: PageFormat;
  locale: Locale;
  reprint: boolean;
  printedAt: string;
}

/** Reads the model; a missing entity is a typed NOT_FOUND (the caller's mistake), never a blank page. */
export async function loadModel(ctx: Ctx, def: DocumentDef<unknown>, settings: ShopSettings, req: ProduceRequest): Promise<unknown> {
  const model = await def.load(ctx, req.entityId, { locale: req.locale, settings });
  if (model === null || model === undefined) {
    throw new AppError('NOT_FOUND', {
      key: 'documents.errors.entityNotFound',
      params: { docType: req.docType, entityId: req.entityId.slice(0, 60) },
      details: { docType: req.docType, entityId: req.entityId },
    });
  }
  return model;
}

/** Lays the model out (pure) and renders it: failures here are the program's, not the caller's. */
export async function layoutAndRender(def: DocumentDef<unknown>, model: unknown, settings: ShopSettings, req: ProduceRequest): Promise<Buffer> {
  const doc: TDocumentDefinitions = def.build(model, {
    locale: req.locale,
    format: req.format,
    reprint: req.reprint,
    printedAt: req.printedAt,
    timeZone: settings.timeZone,
    currency: settings.currency,
    barcode: code128Svg,
  });
  return renderPdf(doc);
}

export { renderPdf };
