/**
 * Photos and signatures apart from the main tables (issue 16 point 6): listing a ticket's photos
 * reads their names, sizes and thumbnails, never the pictures; a picture is read when opened;
 * the same picture is stored once.
 */
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core';
import { makeBackend, setupShop } from '../../helpers/backend';
import { ManualClock } from '../../helpers/clock';
import { count, intakeInput } from './helpers';

let backend: Backend;
afterEach(async () => backend?.close());

/** A picture of `n` random bytes (they do not compress, like a real photo's). */
const picture = (n: number) => crypto.randomBytes(n);
/** Starts as every JPEG does (SOI FF D8, then a marker FF E0): what the client's canvas makes. */
const jpegThumb = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(n - 4)]);

describe('ticket photos', () => {
  it('lists a ticket with large photos from metadata and thumbnails alone: the pictures are out of reach and the list still answers', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const photos = [picture(3_900_000), picture(3_900_000), picture(3_500_000)];
    const thumbs = [jpegThumb(6000), jpegThumb(5000), null];
    const r = await backend.call(
      'tickets.intake',
      intakeInput({
        photos: photos.map((p, i) => ({ name: `p${i}.jpg`, mime: 'image/jpeg', dataBase64: p.toString('base64'), caption: `面${i}`, ...(thumbs[i] ? { thumbBase64: thumbs[i]!.toString('base64') } : {}) })),
      }),
      { token: t.counter },
    );
    const id = r.ticket!.id;
    // Take the pictures out of reach: a listing that touched them would fail with "no such table".
    // (legacy_alter_table: a plain rename, without SQLite re-checking every trigger of the schema)
    backend.services.sqlite.pragma('legacy_alter_table = ON');
    backend.services.sqlite.exec(`ALTER TABLE attachment_blobs RENAME TO attachment_blobs_away`);
    const listed = (await backend.call('tickets.get', { id }, { token: t.counter })).attachments;
    expect(listed.map((a) => [a.name, a.size, a.caption, a.sha256])).toEqual(photos.map((p, i) => [`p${i}.jpg`, p.length, `面${i}`, crypto.createHash('sha256').update(p).digest('hex')]));
    expect(listed.map((a) => a.thumbUrl)).toEqual([`data:image/jpeg;base64,${thumbs[0]!.toString('base64')}`, `data:image/jpeg;base64,${thumbs[1]!.toString('base64')}`, null]);
    // opening one needs its picture
    await expect(backend.call('attachments.get', { id: listed[0]!.id }, { token: t.counter })).rejects.toBeTruthy();
    backend.services.sqlite.exec(`ALTER TABLE attachment_blobs_away RENAME TO attachment_blobs`);
    const opened = await backend.call('attachments.get', { id: listed[0]!.id }, { token: t.counter });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(photos[0]!)).toBe(true);
    // and the rows that lists read hold no picture: every attachment row is a few hundred bytes
    const largest = backend.services.sqlite.prepare(`SELECT max(length(name) + length(mime) + length(sha256) + length(caption) + coalesce(length(thumb), 0)) FROM attachments`).pluck().get() as number;
    expect(largest).toBeLessThan(6000 + 200);
  });

  it('stores the same picture once however many tickets carry it, and a wrong picture is never served for a right name', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const same = picture(200_000);
    const other = picture(200_000);
    const a = await backend.call('tickets.intake', intakeInput({ photos: [{ name: 'a.jpg', mime: 'image/jpeg', dataBase64: same.toString('base64') }] }), { token: t.counter });
    const b = await backend.call(
      'tickets.intake',
      intakeInput({ customer: { name: '李四', phones: ['139 0013 9000'] }, photos: [same, other].map((p, i) => ({ name: `b${i}.jpg`, mime: 'image/jpeg' as const, dataBase64: p.toString('base64') })) }),
      { token: t.counter },
    );
    expect(count(backend, 'attachments')).toBe(3);
    expect(count(backend, 'attachment_blobs')).toBe(2);
    const open = async (attId: string) => Buffer.from((await backend.call('attachments.get', { id: attId }, { token: t.counter })).dataBase64, 'base64');
    expect((await open(a.ticket!.attachments[0]!.id)).equals(same)).toBe(true);
    expect((await open(b.ticket!.attachments[0]!.id)).equals(same)).toBe(true);
    expect((await open(b.ticket!.attachments[1]!.id)).equals(other)).toBe(true);
    // a picture's stored bytes cannot be changed under its hash
    expect(() => backend.services.sqlite.prepare(`UPDATE attachment_blobs SET bytes = x'00'`).run()).toThrow(/append-only/);
  });

  it('refuses a thumbnail that is no small JPEG, in words at the field, and saves nothing', async () => {
    ({ backend } = makeBackend({ clock: new ManualClock() }));
    const t = await setupShop(backend);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'); // a PNG's signature
    for (const [thumb, locale, message] of [
      [png, 'zh-CN', '缩略图须为不超过 32 KB 的 JPEG 图片'],
      [jpegThumb(40 * 1024), 'en', 'A thumbnail must be a JPEG of at most 32 KB'],
    ] as const) {
      const r = await backend.callWire('tickets.intake', intakeInput({ photos: [{ mime: 'image/jpeg', dataBase64: picture(1000).toString('base64'), thumbBase64: thumb.toString('base64') }] }), { token: t.counter, locale });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { fields: [{ path: 'photos.0.thumbBase64', message }] } } });
    }
    expect(count(backend, 'tickets')).toBe(0);
    expect(count(backend, 'attachment_blobs')).toBe(0);
  });
});
