import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Locale } from '../i18n/types';
import type { PageFormat } from './settings';

/** The single embedded font family every document uses (registered by the renderer in core). */
export const DOCUMENT_FONT = 'NotoSansCJK';

/**
 * Code 128 of `text` as SVG markup. Builders stay pure: core passes bwip-js in, tests may
 * pass a stub.
 */
export type BarcodeSvg = (text: string) => string;

/** What every builder gets besides its model. */
export interface BuildOptions {
  locale: Locale;
  format: PageFormat;
  /** Marks the paper as a reprint. */
  reprint: boolean;
  /** ISO instant of this printing (footer). */
  printedAt: string;
  /** IANA zone of the shop: every date on paper is the shop's local time. */
  timeZone: string;
  currency: string;
  barcode: BarcodeSvg;
}

/** A builder: model → pdfmake document definition, no I/O. */
export type DocumentBuilder<M> = (model: M, opts: BuildOptions) => TDocumentDefinitions;
