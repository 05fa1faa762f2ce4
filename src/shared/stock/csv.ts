/**
 * RFC 4180 CSV: quoted fields with doubled quotes, CRLF or LF, a UTF-8 BOM (Excel writes
 * one) dropped. Also reads semicolon- or tab-separated files when the header says so,
 * since Chinese Excel exports vary.
 */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = [',', '\t', ';'].map((c) => ({ c, n: firstLine.split(c).length })).sort((a, b) => b.n - a.n)[0]!.c;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Trailing blank lines are not rows.
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}
