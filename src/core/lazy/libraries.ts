import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';
import type PdfmakeModule from 'pdfmake';
import type BwipModule from 'bwip-js/node';

/**
 * The heavy libraries, loaded the first time a document, a spreadsheet or a barcode is made
 * rather than at start: together they took about 0.65 s of the shop host's start (issue 22), and
 * most calls never need them. Node's own `require` (not a dynamic import) keeps every caller
 * synchronous; each library is loaded once per process.
 */
const load = createRequire(import.meta.url);

function once<T>(name: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= load(name) as T);
}

export const excel = once<typeof ExcelJSModule>('exceljs');
export const pdfmake = once<typeof PdfmakeModule>('pdfmake');
export const bwip = once<typeof BwipModule>('bwip-js/node');
