import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { z } from 'zod';

/**
 * A backup file (`.fxbak`): a plain header anyone can read (which shop, schema, when, what it
 * holds) and the encrypted payload, streamed, never whole in memory:
 *
 *   "FXPBAK01" | u32 BE header length | header JSON | AES-256-GCM(gzip(payload)) | 16-byte GCM tag
 *
 * The header is the cipher's additional authenticated data, so it cannot be altered either.
 * The payload is a small container: u32 BE manifest length | manifest JSON | each file's bytes
 * in manifest order (the SQLite snapshot and the shop's secret key, without which the device
 * passcodes and the head-office token in it cannot be read).
 *
 * Key: a per-file key HKDF-SHA256(recovery key, salt). The recovery key is 32 random bytes the
 * shop shows the manager once (to write down or print); 256 bits need no slow KDF.
 */
export const MAGIC = Buffer.from('FXPBAK01');
export const BACKUP_EXT = '.fxbak';

export const backupHeaderSchema = z.object({
  format: z.literal(1),
  shopId: z.string(),
  shopCode: z.string(),
  shopName: z.string(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  createdAt: z.string(),
  salt: z.string(),
  iv: z.string(),
  /** HMAC of a constant under the file key: tells a wrong recovery key from a damaged file. */
  keyCheck: z.string(),
  /** Length of the plain payload (the GCM tag proves its bytes; this catches a short read). */
  payloadBytes: z.number().int(),
  /** Rows per table in the snapshot. */
  counts: z.record(z.string(), z.number().int()),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export interface PayloadFile {
  name: string;
  path: string;
  size: number;
}

const KEY_INFO = Buffer.from('fixpoint.backup.v1');

export function fileKey(recoveryKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', recoveryKey, salt, KEY_INFO, 32));
}

function keyCheck(key: Buffer): string {
  return crypto.createHmac('sha256', key).update('fixpoint.backup.key-check').digest('base64').slice(0, 16);
}

function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json]);
}

async function* payloadChunks(files: PayloadFile[]): AsyncGenerator<Buffer> {
  yield manifestBytes(files);
  for (const f of files) for await (const chunk of fs.createReadStream(f.path, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
}

function manifestBytes(files: PayloadFile[]): Buffer {
  const manifest = Buffer.from(JSON.stringify({ files: files.map((f) => ({ name: f.name, size: f.size })) }));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(manifest.length);
  return Buffer.concat([len, manifest]);
}

/** Length of the payload the files make (for the header, before encrypting). */
export function payloadLength(files: PayloadFile[]): number {
  return manifestBytes(files).length + files.reduce((n, f) => n + f.size, 0);
}

/** Writes the encrypted backup to `dest` (fsynced before it resolves). */
export async function writeBackupFile(dest: string, header: Omit<BackupHeader, 'salt' | 'iv' | 'keyCheck'>, files: PayloadFile[], recoveryKey: Buffer): Promise<BackupHeader> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const key = fileKey(recoveryKey, salt);
  const full: BackupHeader = { ...header, salt: salt.toString('base64'), iv: iv.toString('base64'), keyCheck: keyCheck(key) };
  const head = headerBytes(full);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(head);
  const fd = fs.openSync(dest, 'wx', 0o600);
  try {
    fs.writeSync(fd, head);
    const out = new Writable({
      write(chunk: Buffer, _enc, cb) {
        try {
          fs.writeSync(fd, chunk);
          cb();
        } catch (e) {
          cb(e as Error);
        }
      },
    });
    await pipeline(Readable.from(payloadChunks(files)), zlib.createGzip({ level: 1 }), cipher, out);
    fs.writeSync(fd, cipher.getAuthTag());
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return full;
}

export class BackupFileError extends Error {
  constructor(readonly reason: 'not_a_backup' | 'wrong_key' | 'damaged') {
    super(reason);
  }
}

/** The header of a backup file (no key needed). */
export function readBackupHeader(file: string): { header: BackupHeader; headerBytes: Buffer } {
  const fd = fs.openSync(file, 'r');
  try {
    const start = Buffer.alloc(12);
    if (fs.readSync(fd, start, 0, 12, 0) !== 12 || !start.subarray(0, 8).equals(MAGIC)) throw new BackupFileError('not_a_backup');
    const len = start.readUInt32BE(8);
    if (len > 1 << 20) throw new BackupFileError('not_a_backup');
    const json = Buffer.alloc(len);
    if (fs.readSync(fd, json, 0, len, 12) !== len) throw new BackupFileError('damaged');
    let parsed;
    try {
      parsed = backupHeaderSchema.safeParse(JSON.parse(json.toString('utf8')));
    } catch {
      throw new BackupFileError('not_a_backup');
    }
    if (!parsed.success) throw new BackupFileError('not_a_backup');
    return { header: parsed.data, headerBytes: Buffer.concat([start, json]) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Decrypts a backup. With `outDir`, the payload's files are written there (by their manifest
 * names); without, it is only checked (GCM tag and length). Throws BackupFileError; files
 * written before a failed tag check are the caller's to delete (they are in its temp folder).
 */
export async function readBackupFile(file: string, recoveryKey: Buffer, outDir?: string): Promise<{ header: BackupHeader; files: string[] }> {
  const { header, headerBytes: head } = readBackupHeader(file);
  const size = fs.statSync(file).size;
  if (size < head.length + 16) throw new BackupFileError('damaged');
  const tag = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, tag, 0, 16, size - 16);
  } finally {
    fs.closeSync(fd);
  }
  const key = fileKey(recoveryKey, Buffer.from(header.salt, 'base64'));
  if (keyCheck(key) !== header.keyCheck) throw new BackupFileError('wrong_key');
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(head);
  decipher.setAuthTag(tag);
  let bytes = 0;
  const sink = new ContainerSink(outDir);
  const counting = new Transform({
    transform(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  try {
    await pipeline(fs.createReadStream(file, { start: head.length, end: size - 17, highWaterMark: 1 << 20 }), decipher, zlib.createGunzip(), counting, sink);
  } catch (e) {
    sink.abort();
    throw new BackupFileError('damaged'); // the key is right (checked above): the bytes are not
  }
  if (bytes !== header.payloadBytes) throw new BackupFileError('damaged');
  return { header, files: sink.written };
}

/** Splits the payload stream into its files. */
class ContainerSink extends Writable {
  written: string[] = [];
  private buf = Buffer.alloc(0);
  private manifest: { name: string; size: number }[] | null = null;
  private index = 0;
  private left = 0;
  private fd: number | null = null;
  constructor(private readonly outDir: string | undefined) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    try {
      this.take(chunk);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
  override _final(cb: (e?: Error | null) => void): void {
    this.closeFd();
    if (!this.manifest || this.index < this.manifest.length) return cb(new Error('payload truncated'));
    cb();
  }
  abort(): void {
    this.closeFd();
  }
  private closeFd(): void {
    if (this.fd !== null) {
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }
  private take(chunk: Buffer): void {
    if (!this.manifest) {
      this.buf = Buffer.concat([this.buf, chunk]);
      if (this.buf.length < 4) return;
      const len = this.buf.readUInt32BE(0);
      if (this.buf.length < 4 + len) return;
      const files = (JSON.parse(this.buf.subarray(4, 4 + len).toString('utf8')) as { files: { name: string; size: number }[] }).files;
      for (const f of files) if (!/^[a-z0-9._-]+$/i.test(f.name)) throw new Error(`bad file name ${f.name}`);
      this.manifest = files;
      const rest = this.buf.subarray(4 + len);
      this.buf = Buffer.alloc(0);
      this.openNext();
      if (rest.length) this.take(rest);
      return;
    }
    let off = 0;
    while (off < chunk.length) {
      if (this.index >= this.manifest.length) throw new Error('payload longer than its manifest');
      const n = Math.min(this.left, chunk.length - off);
      if (this.fd !== null) fs.writeSync(this.fd, chunk, off, n);
      off += n;
      this.left -= n;
      if (this.left === 0) {
        this.closeFd();
        this.index++;
        this.openNext();
      }
    }
  }
  private openNext(): void {
    while (this.manifest && this.index < this.manifest.length) {
      const f = this.manifest[this.index]!;
      this.left = f.size;
      if (this.outDir) {
        const p = `${this.outDir}/${f.name}`;
        this.fd = fs.openSync(p, 'w', 0o600);
        this.written.push(p);
      }
      if (f.size > 0) return;
      this.closeFd();
      this.index++;
    }
  }
}
