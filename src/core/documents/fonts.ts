/**
 * The one embedded font: Noto Sans CJK (a .ttc, addressed by PostScript name). Read from disk
 * once per process into pdfmake's virtual file system; never a system font, so a PDF looks
 * the same on every counter PC.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pdfmake } from '../lazy/libraries';
import type { TFontDictionary } from 'pdfmake/interfaces';
import { DOCUMENT_FONT } from '../../shared/documents/types';

const FONT_FILE = 'NotoSansCJK-Regular.ttc';
const POSTSCRIPT_NAME = 'NotoSansCJKsc-Regular';
const VFS_NAME = 'fixpoint-noto-cjk.ttc';

let explicitFile: string | null = null;
let loaded = false;

/** The shell may point at the font explicitly (packaged app: app.asar.unpacked/resources/fonts). */
export function setFontFile(file: string): void {
  explicitFile = file;
  loaded = false;
}

function candidates(): string[] {
  const out: string[] = [];
  if (explicitFile) out.push(explicitFile);
  if (process.env.FIXPOINT_FONT_FILE) out.push(process.env.FIXPOINT_FONT_FILE);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    out.push(path.join(resourcesPath, 'app.asar.unpacked', 'resources', 'fonts', FONT_FILE));
    out.push(path.join(resourcesPath, 'resources', 'fonts', FONT_FILE));
  }
  out.push(path.resolve('resources', 'fonts', FONT_FILE));
  // From src/core/documents (tsx, vitest) and from out/main (built shell).
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(new URL(import.meta.url).pathname);
  out.push(path.resolve(here, '../../../resources/fonts', FONT_FILE));
  out.push(path.resolve(here, '../../resources/fonts', FONT_FILE));
  return out;
}

export function fontFilePath(): string {
  const found = candidates().find((f) => fs.existsSync(f));
  if (!found) throw new Error(`font ${FONT_FILE} not found (looked in: ${candidates().join(', ')})`);
  return found;
}

/** Loads the font into memory (first call only) and locks pdfmake out of the network and the disk. */
export function ensureFonts(): void {
  if (loaded) return;
  const bytes = fs.readFileSync(fontFilePath());
  (pdfmake() as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs.writeFileSync(VFS_NAME, bytes);
  // Documents carry everything inline (SVG barcodes, QR nodes): no URL, no local file is ever needed.
  pdfmake().setUrlAccessPolicy(() => false);
  pdfmake().setLocalAccessPolicy(() => false);
  installFaceCache();
  loaded = true;
}

/**
 * A fresh font dictionary for one render. pdfmake replaces the file name in the array it is
 * given with the file's bytes on first use, so sharing one dictionary across renders would
 * hand it an 18 MB buffer to look up as a file name next time.
 */
export function fontDictionary(): TFontDictionary {
  const face = () => [VFS_NAME, POSTSCRIPT_NAME] as unknown as string;
  // Only a regular weight ships: bold and italics use the same face (emphasis is by size).
  return { [DOCUMENT_FONT]: { normal: face(), bold: face(), italics: face(), bolditalics: face() } };
}

/**
 * Parsing the CJK face (cmap, GSUB, 65,000 CFF glyphs) costs tens of milliseconds per PDF when
 * pdfkit opens it afresh for every document. pdfmake 0.3.11 (pinned) asks its PDFDocument's
 * provideFont for each font; this keeps the parsed fontkit face for the whole process and
 * wraps it in a new per-document EmbeddedFont (each document still embeds its own subset).
 */
type FontkitFace = object;
interface PdfmakeDocument {
  fontCache: Record<string, Record<string, unknown>>;
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(family: string, bold: boolean, italics: boolean): unknown;
}
let faceCache: { ctor: new (doc: unknown, face: FontkitFace, id: string) => unknown; face: FontkitFace } | null = null;
let patched = false;

export function installFaceCache(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const mod = require('pdfmake/js/PDFDocument') as { default: { prototype: PdfmakeDocument } };
  const proto = mod.default.prototype;
  const original = proto.provideFont;
  proto.provideFont = function (this: PdfmakeDocument, family: string, bold: boolean, italics: boolean) {
    if (family !== DOCUMENT_FONT) return original.call(this, family, bold, italics);
    const type = this.getFontType(bold, italics);
    const cache = (this.fontCache[family] ??= {});
    if (cache[type]) return cache[type];
    // All four styles are the same face: one embedded font per document.
    let font = Object.values(cache)[0];
    if (!font) {
      if (!faceCache) {
        font = original.call(this, family, bold, italics);
        const f = font as { constructor: NonNullable<typeof faceCache>['ctor']; font: FontkitFace };
        faceCache = { ctor: f.constructor, face: f.font };
        return font;
      }
      const id = `F${++this._fontCount}`;
      font = new faceCache.ctor(this, faceCache.face, id);
      // pdfkit embeds (finalizes) every font it finds in _fontFamilies when the document ends.
      this._fontFamilies[id] = font;
    }
    cache[type] = font;
    return font;
  };
}
