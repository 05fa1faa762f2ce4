/**
 * Frozen migrations (DESIGN, storage conventions): a shipped migration never changes, imports
 * nothing from the app, the list has no gap, and a database upgraded from any earlier schema or
 * release has exactly the schema of a fresh one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core';
import { checkSequence, migrations } from '../../../src/core/db/migrations';
import { migrate } from '../../../src/core/db/migrate';
import type { Migration } from '../../../src/core/db/migrations/types';
import { tempDir } from '../../helpers/backend';

const MIGRATIONS_DIR = path.resolve('src/core/db/migrations');
const SNAPSHOT = path.resolve('tests/fixtures/migrations/shipped.json');

/**
 * What a migration does to a fresh database, as text: every statement it executes or prepares,
 * and the values it binds (the instant of the run masked), in order.
 */
function recordOf(m: Migration, db: Database.Database): string {
  const log: string[] = [];
  const mask = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(v) ? '<now>' : v);
  const recording = new Proxy(db, {
    get(target, key) {
      if (key === 'exec') return (sql: string) => (log.push(`exec ${sql}`), target.exec(sql));
      if (key === 'prepare') {
        return (sql: string) => {
          log.push(`prepare ${sql}`);
          const st = target.prepare(sql);
          return new Proxy(st, {
            get(s, k) {
              const v = (s as unknown as Record<string | symbol, unknown>)[k];
              if (k === 'run') return (...args: unknown[]) => (log.push(`run ${JSON.stringify(args.map(mask))}`), st.run(...args));
              return typeof v === 'function' ? v.bind(s) : v;
            },
          });
        };
      }
      const v = (target as unknown as Record<string | symbol, unknown>)[key];
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  db.transaction(() => m.up(recording))();
  return log.join('\n');
}

function shippedHashes(): Record<string, string> {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const out: Record<string, string> = {};
  for (const m of migrations) out[`${String(m.version).padStart(3, '0')}-${m.name}`] = crypto.createHash('sha256').update(recordOf(m, db)).digest('hex');
  db.close();
  return out;
}

/** sqlite_master as comparable rows: every table, index, trigger and view with its SQL, whitespace normalised. */
function schemaOf(db: Database.Database): string[] {
  return (db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY type, name`).all() as { type: string; name: string; tbl_name: string; sql: string | null }[]).map(
    (r) => `${r.type} ${r.name} ON ${r.tbl_name}: ${(r.sql ?? '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim()}`,
  );
}

function freshSchema(): string[] {
  const fresh = openDatabase({ file: ':memory:' });
  try {
    return schemaOf(fresh.sqlite);
  } finally {
    fresh.sqlite.close();
  }
}

describe('shipped migrations are frozen', () => {
  it('import nothing from the rest of the app (only each other, and better-sqlite3 for types)', () => {
    const bad: string[] = [];
    for (const f of fs.readdirSync(MIGRATIONS_DIR)) {
      const src = fs.readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8');
      for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = (m[1] ?? m[2])!;
        if (!(spec === 'better-sqlite3' || (spec.startsWith('./') && !spec.includes('..')))) bad.push(`${f} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('execute exactly what they shipped with (tests/fixtures/migrations/shipped.json); new ones after them are free until they ship', () => {
    const pinned = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')) as Record<string, string>;
    const now = shippedHashes();
    // A shipped migration changed in place, or is gone: refused. Change the schema in a new migration.
    const changed = Object.entries(pinned).filter(([k, h]) => now[k] !== h).map(([k]) => k);
    expect(changed, 'shipped migrations whose SQL changed (write a new migration instead)').toEqual([]);
    // Pinned are migrations 1…k, all of them shipped; the ones after k are not shipped yet and may
    // still change. Shipping one means adding its line to the snapshot; the test prints it.
    const keys = Object.keys(now);
    for (const k of keys.slice(Object.keys(pinned).length)) console.info(`not shipped yet (pin at release): "${k}": "${now[k]}"`);
    expect(Object.keys(pinned), 'the snapshot pins migrations 1…k in order').toEqual(keys.slice(0, Object.keys(pinned).length));
  });

  it('notices a shipped migration changed in place (the guard itself works)', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const first = migrations[0]!;
    const original = crypto.createHash('sha256').update(recordOf(first, db)).digest('hex');
    const db2 = new Database(':memory:');
    const edited: Migration = { ...first, up: (d) => { first.up(d); d.exec(`CREATE INDEX users_role ON users(role)`); } };
    const changed = crypto.createHash('sha256').update(recordOf(edited, db2)).digest('hex');
    expect(changed).not.toBe(original);
    db.close();
    db2.close();
  });

  it('are numbered 1, 2, 3, … with no gap: a list with a gap, a repeat or out of order is refused', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const [a, b, c] = migrations;
    expect(() => checkSequence([a!, c!])).toThrow(/migration 3 .* place 2/);
    expect(() => checkSequence([a!, b!, b!])).toThrow(/no gap, repeat/);
    expect(() => checkSequence([b!, a!])).toThrow();
    const db = new Database(':memory:');
    expect(() => migrate(db, [a!, c!])).toThrow(/no gap/);
    expect(db.pragma('user_version', { simple: true })).toBe(0); // refused before anything ran
    db.close();
  });
});

describe('an upgraded database has exactly the schema of a fresh one', () => {
  const fresh = freshSchema();

  it('from every earlier schema version', async () => {
    expect(fresh.length).toBeGreaterThan(100);
    for (const m of migrations.slice(0, -1)) {
      const file = path.join(tempDir(), 'shop.sqlite');
      await openDatabase({ file, targetVersion: m.version }).close();
      const db = openDatabase({ file });
      try {
        expect(schemaOf(db.sqlite), `upgraded from schema ${m.version}`).toEqual(fresh);
      } finally {
        await db.close();
      }
    }
  });

  it('from the database of every earlier release (tests/fixtures/releases)', async () => {
    const dir = path.resolve('tests/fixtures/releases');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const copy = path.join(tempDir(), f);
      fs.copyFileSync(path.join(dir, f), copy);
      const db = openDatabase({ file: copy });
      try {
        expect(schemaOf(db.sqlite), f).toEqual(fresh);
      } finally {
        await db.close();
      }
    }
  });

  it('and the comparison sees a difference (the check itself works)', () => {
    const db = openDatabase({ file: ':memory:' });
    db.sqlite.exec(`CREATE INDEX probe ON users(role)`);
    expect(schemaOf(db.sqlite)).not.toEqual(fresh);
    db.sqlite.close();
  });
});
