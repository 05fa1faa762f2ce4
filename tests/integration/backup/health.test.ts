import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../src/core';
import { AppError } from '../../../src/shared/api/errors';
import { setupShop, tempDir } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { fillShop } from './fill';

/** Health of the database file (issue 16, point 5): checked at open, checkpointed at close, a full disk refused cleanly. */
describe('database health', () => {
  it('a damaged database is refused at open with a typed error that names the way out', async () => {
    const dir = tempDir('fixpoint-health-');
    const b = openBackend({ dataDir: dir, clock: new ManualClock(), sync: { autoStart: false }, backups: { autoStart: false } });
    await setupShop(b);
    fillShop(b.services.sqlite, { customers: 2000, photos: 0, photoBytes: 0 });
    await b.close();
    const file = path.join(dir, 'shop.sqlite');
    const bytes = fs.readFileSync(file);
    const page = 4096;
    // junk over a run of pages in the middle of the file (a bad sector, a torn copy)
    const start = Math.floor(bytes.length / page / 2) * page;
    for (let i = start; i < start + 8 * page; i++) bytes[i] = (i * 7919) & 0xff;
    fs.writeFileSync(file, bytes);
    let err: unknown;
    try {
      openBackend({ dataDir: dir, sync: { autoStart: false }, backups: { autoStart: false } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const wire = (err as AppError).toWire('en');
    expect(wire.code).toBe('DB_CORRUPT');
    expect(wire.message).toMatch(/^The shop database is damaged \(.+\)\. Restore it from a backup: Settings → Backups → Restore, or run fixpoint restore$/);
    expect((err as AppError).toWire('zh-CN').message).toMatch(/^本店数据库文件已损坏（.+）。请从备份恢复/);
    // a file that is no database at all
    const other = tempDir('fixpoint-health-');
    fs.writeFileSync(path.join(other, 'shop.sqlite'), Buffer.alloc(8192, 0x41));
    expect(() => openBackend({ dataDir: other, sync: { autoStart: false }, backups: { autoStart: false } })).toThrow(expect.objectContaining({ code: 'DB_CORRUPT' }));
  });

  it('a large file opens at once and gets its quick check off the main thread: damage found then refuses writes, reads still answer', async () => {
    const dir = tempDir('fixpoint-health-');
    const clock = new ManualClock();
    const b = openBackend({ dataDir: dir, clock, sync: { autoStart: false }, backups: { autoStart: false } });
    const tokens = await setupShop(b);
    fillShop(b.services.sqlite, { customers: 2000, photos: 0, photoBytes: 0 });
    await b.close();
    // Every file counts as large here (the default limit is 32 MiB): the same path as a big shop's.
    const large = { dataDir: dir, clock, syncCheckMaxBytes: 0, sync: { autoStart: false }, backups: { autoStart: false } } as const;

    // A sound file: the check runs after open, then says ok, and writes go on.
    const sound = openBackend(large);
    expect(sound.services.health.state).toBe('checking');
    await expect.poll(() => sound.services.health.state, { timeout: 20_000 }).toBe('ok');
    const created = await sound.callWire('customers.create', { name: '体检顾客', phones: ['13800138001'] }, { token: tokens.counter });
    expect(created.ok).toBe(true);
    await sound.close();

    // Junk over pages in the middle of the file: the open itself succeeds (the schema is readable)…
    const file = path.join(dir, 'shop.sqlite');
    const bytes = fs.readFileSync(file);
    const page = 4096;
    const start = Math.floor(bytes.length / page / 2) * page;
    for (let i = start; i < start + 8 * page; i++) bytes[i] = (i * 7919) & 0xff;
    fs.writeFileSync(file, bytes);
    const damaged = openBackend(large);
    const events: { name: string; payload: unknown }[] = [];
    damaged.subscribe((e) => events.push(e));
    // …and the check on its worker thread finds the damage and says so to the app
    await expect.poll(() => damaged.services.health.state, { timeout: 20_000 }).toBe('damaged');
    expect(events).toContainEqual({ name: 'db.integrity', payload: { ok: false, reason: expect.any(String) } });
    // from then on nothing more is written into the file, in words that name the way out
    const refused = await damaged.callWire('customers.create', { name: '损坏后顾客', phones: ['13800138002'] }, { token: tokens.counter, locale: 'en' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('DB_CORRUPT');
      expect(refused.error.message).toMatch(/Restore it from a backup: Settings → Backups → Restore/);
    }
    // reads still answer (staff can look up what they need), and the backup procedures stay open
    expect((await damaged.callWire('shop.get', {}, { token: tokens.manager })).ok).toBe(true);
    await damaged.close();
  });

  it('a full disk refuses the write in words and leaves nothing half-written; the write-ahead log is emptied at close', async () => {
    const dir = tempDir('fixpoint-health-');
    const b = openBackend({ dataDir: dir, clock: new ManualClock(), sync: { autoStart: false }, backups: { autoStart: false } });
    const tokens = await setupShop(b);
    const { sqlite } = b.services;
    const count = (t: string) => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    const counts = () => ({ customers: count('customers'), phones: count('customer_phones'), outbox: count('outbox'), audit: count('audit_log') });
    // the disk is full: SQLite may not grow the file by a single page (the room left inside its pages fills first)
    sqlite.exec('VACUUM');
    sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
    const create = (i: number, locale: string) =>
      b.callWire('customers.create', { name: `满盘顾客${i}`, phones: [`1380013${String(i).padStart(4, '0')}`], note: '长备注'.repeat(330) }, { token: tokens.counter, locale });
    let before = counts();
    let r = await create(0, 'en');
    for (let i = 1; r.ok && i < 500; i++) {
      before = counts();
      r = await create(i, 'en');
    }
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('The disk is full: this was not saved (earlier data is intact). Free some disk space and try again');
    const zh = await create(9999, 'zh-CN');
    expect(zh.ok).toBe(false);
    if (!zh.ok) expect(zh.error.message).toBe('磁盘已满，这次操作没有保存（之前的数据完好）。请清理磁盘空间后重试');
    // nothing of the refused calls is in the file: not the customer, its phone, its outbox entries or an audit row
    expect(counts()).toEqual(before);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // space again: the same call goes through
    sqlite.pragma('max_page_count = 1073741823');
    expect((await b.callWire('customers.create', { name: '满盘顾客', phones: ['13800138000'] }, { token: tokens.counter })).ok).toBe(true);
    await b.close();
    const wal = path.join(dir, 'shop.sqlite-wal');
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
  });
});
