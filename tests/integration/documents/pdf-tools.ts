import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../helpers/backend';

/** poppler and zbar, as a person checking the paper would: text, pages, and what a scanner reads. */
export function writePdf(pdf: Buffer | Uint8Array, name = 'doc.pdf'): string {
  const file = path.join(tempDir('fixpoint-pdf-'), name);
  fs.writeFileSync(file, pdf);
  return file;
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

export function pdfPages(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  return { pages, width: Number(size[1]), height: Number(size[2]) };
}

/** Renders page 1 at `dpi` and returns every symbol zbarimg decodes, as 'TYPE:data'. */
export function scan(file: string, dpi = 300): string[] {
  const prefix = file.replace(/\.pdf$/, `-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-png', file, prefix]);
  const png = fs.readdirSync(path.dirname(prefix)).find((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))!;
  try {
    const out = execFileSync('zbarimg', ['-q', path.join(path.dirname(prefix), png)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim().split('\n').filter(Boolean).sort();
  } catch {
    return []; // zbarimg exits 4 when it finds nothing
  }
}

/** pdftotext keeps the glyphs but may space CJK runs out; compare without whitespace. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
