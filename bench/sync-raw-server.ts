/**
 * The raw baseline of the sync benchmarks: rows posted as plain JSON and bulk-inserted into one
 * table, no validation, no protocol. `node --import tsx bench/sync-raw-server.ts <dir> [DATABASE_URL]`.
 */
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

const dir = process.argv[2]!;
const url = process.argv[3];
let insert: (rows: { id: string; data: unknown }[]) => Promise<void>;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS raw_rows (shop TEXT, id TEXT, data TEXT, PRIMARY KEY (shop, id))');
  insert = async (rows) => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const params: string[] = [];
        const values = chunk.map((r, k) => (params.push('s', r.id, JSON.stringify(r.data)), `($${k * 3 + 1}, $${k * 3 + 2}, $${k * 3 + 3})`));
        await c.query(`INSERT INTO raw_rows (shop, id, data) VALUES ${values.join(',')} ON CONFLICT (shop, id) DO UPDATE SET data = excluded.data`, params);
      }
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  };
} else {
  const db = new Database(path.join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS raw_rows (shop TEXT, id TEXT, data TEXT, PRIMARY KEY (shop, id))');
  const stmt = db.prepare('INSERT INTO raw_rows (shop, id, data) VALUES (?, ?, ?) ON CONFLICT (shop, id) DO UPDATE SET data = excluded.data');
  const tx = db.transaction((rows: { id: string; data: unknown }[]) => {
    for (const r of rows) stmt.run('s', r.id, JSON.stringify(r.data));
  });
  insert = async (rows) => tx(rows);
}
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', async () => {
    const rows = JSON.parse(Buffer.concat(chunks).toString()) as { id: string; data: unknown }[];
    await insert(rows);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ n: rows.length }));
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`RAW-LISTENING ${(server.address() as { port: number }).port}\n`));
