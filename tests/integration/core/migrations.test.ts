import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, openBackend } from '../../../src/core';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../src/core/db/migrations';
import { AppError } from '../../../src/shared/api/errors';
import { tempDir } from '../../helpers/backend';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

describe('opening and migrating the shop database', () => {
  it('creates a new database at the latest version with the storage settings of the design', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const db = openDatabase({ file });
    opened.push(db);
    expect(db.migrated).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('upgrades a database left at every earlier schema version and keeps its rows', async () => {
    for (const m of migrations.slice(0, -1)) {
      const file = path.join(tempDir(), 'shop.sqlite');
      const old = openDatabase({ file, targetVersion: m.version });
      expect(old.sqlite.pragma('user_version', { simple: true })).toBe(m.version);
      old.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('probe', 'kept')`).run();
      await old.close();
      const db = openDatabase({ file });
      opened.push(db);
      expect(db.migrated).toEqual({ from: m.version, to: LATEST_SCHEMA_VERSION });
      expect(db.sqlite.prepare(`SELECT value FROM meta WHERE key = 'probe'`).get()).toEqual({ value: 'kept' });
    }
  });

  it('applies a new migration to a database of the previous schema, keeping rows and outbox triggers', async () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const prev = openBackend({ file });
    await prev.call('setup.run', { shop: { name: '店', code: 'AB1' }, admin: { username: 'admin', displayName: 'A', password: 'password1' } });
    await prev.close();
    const next = [
      ...migrations,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'add column', up: (db: Database.Database) => db.exec(`ALTER TABLE shop ADD COLUMN region TEXT`) },
    ];
    const db = openDatabase({ file, migrations: next });
    opened.push(db);
    expect(db.migrated).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION + 1 });
    const before = (db.sqlite.prepare('SELECT max(seq) m FROM outbox').get() as { m: number }).m;
    db.sqlite.prepare(`UPDATE shop SET region = 'south'`).run();
    expect(db.sqlite.prepare('SELECT name, region FROM shop').get()).toEqual({ name: '店', region: 'south' });
    expect((db.sqlite.prepare('SELECT max(seq) m FROM outbox').get() as { m: number }).m).toBe(before + 1);
  });

  it('opens a copy of the database written by every earlier release', async () => {
    const dir = path.resolve('tests/fixtures/releases');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const copy = path.join(tempDir(), f);
      fs.copyFileSync(path.join(dir, f), copy);
      const backend = openBackend({ file: copy });
      opened.push(backend);
      const status = await backend.call('setup.status', {});
      expect(status.setUp, f).toBe(true);
      const session = await backend.call('auth.login', { username: 'admin', password: 'admin-demo' });
      expect(session.user.role).toBe('admin');
    }
  });

  it('refuses a database written by a newer version, naming both versions, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    let caught: unknown;
    try {
      openDatabase({ file });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    const wire = (caught as AppError).toWire('en');
    expect(wire.code).toBe('SCHEMA_TOO_NEW');
    expect(wire.message).toContain(String(LATEST_SCHEMA_VERSION + 5));
    expect(wire.message).toContain(String(LATEST_SCHEMA_VERSION));
    expect((caught as AppError).toWire('zh-CN').message).toContain('请升级');
    const after = new Database(file);
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(after.prepare(`SELECT count(*) n FROM sqlite_master WHERE type='table'`).get()).toEqual({ n: 0 });
    after.close();
  });

  it('runs each migration in its own transaction: a failing one leaves the previous version whole', () => {
    const file = path.join(tempDir(), 'shop.sqlite');
    const broken = [
      ...migrations,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: (db: Database.Database) => { db.exec('CREATE TABLE half (x)'); db.exec('THIS IS NOT SQL'); } },
    ];
    expect(() => openDatabase({ file, migrations: broken })).toThrow();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
    raw.close();
  });
});
