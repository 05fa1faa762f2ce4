import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

/** Customers with phones and photo attachments (random bytes: they do not compress), written straight into the file. */
export function fillShop(sqlite: Database.Database, opts: { customers: number; photos: number; photoBytes: number; seed?: number }): void {
  let s = opts.seed ?? 1;
  const id = () => {
    s++;
    return `0190d000-0000-7000-8000-${String(s).padStart(12, '0')}`;
  };
  const at = '2026-03-02T09:00:00.000Z';
  sqlite.transaction(() => {
    for (let i = 0; i < opts.customers; i++) {
      const c = id();
      const name = `备份顾客${s}`;
      sqlite.prepare(`INSERT INTO customers (id, name, name_rev, note, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?)`).run(c, name, [...name].reverse().join(''), at, at);
      sqlite
        .prepare(`INSERT INTO customer_phones (id, customer_id, position, e164, kind, display, digits_rev) VALUES (?, ?, 0, ?, 'mobile', ?, ?)`)
        .run(id(), c, `+8613900${String(s).padStart(6, '0')}`, `139 ${s}`, String(s).split('').reverse().join(''));
    }
    for (let i = 0; i < opts.photos; i++) {
      const bytes = crypto.randomBytes(opts.photoBytes);
      const sha = crypto.createHash('sha256').update(bytes).digest('hex');
      sqlite.prepare(`INSERT OR IGNORE INTO attachment_blobs (sha256, size, bytes) VALUES (?, ?, ?)`).run(sha, bytes.length, bytes);
      sqlite
        .prepare(`INSERT INTO attachments (id, ticket_id, name, mime, size, sha256, created_at) VALUES (?, NULL, 'photo.jpg', 'image/jpeg', ?, ?, ?)`)
        .run(id(), bytes.length, sha, at);
    }
  })();
}

/** Every row of every ordinary table (virtual tables aside), for row-by-row comparison. */
export function dumpAll(sqlite: Database.Database, skip: string[] = []): Record<string, string[]> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .pluck()
    .all() as string[];
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    if (skip.includes(t)) continue;
    out[t] = (sqlite.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
      .map((r) => JSON.stringify(r, (_k, v) => (v && typeof v === 'object' && v.type === 'Buffer' ? Buffer.from(v.data).toString('base64') : v)))
      .sort();
  }
  return out;
}

/** The tables whose rows differ (at most a few lines): empty when equal row by row. */
export function diffDumps(a: Record<string, string[]>, b: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const t of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[t] ?? [];
    const y = b[t] ?? [];
    if (x.length !== y.length) out.push(`${t}: ${x.length} rows vs ${y.length}`);
    else {
      const i = x.findIndex((r, k) => r !== y[k]);
      if (i >= 0) out.push(`${t}: ${x[i]!.slice(0, 300)} vs ${y[i]!.slice(0, 300)}`);
    }
  }
  return out;
}
