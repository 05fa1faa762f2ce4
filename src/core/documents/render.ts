import { pdfmake } from '../lazy/libraries';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { ensureFonts, fontDictionary } from './fonts';

/** Renders a document definition to PDF bytes with the embedded font. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  ensureFonts();
  // setFonts + createPdf run synchronously together, so concurrent renders never share a dictionary.
  const pdf = pdfmake();
  pdf.setFonts(fontDictionary());
  const out = pdf.createPdf(doc);
  return (await out.getBuffer()) as Buffer;
}
