import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_BYTES, type SecretKeyProvider } from './key-provider';

export const KEY_FILE_NAME = 'secret.key';

/**
 * The key in `<dir>/secret.key`, created on first use with mode 0600 (owner read/write
 * only). Created with O_EXCL so two processes racing on a fresh folder cannot end up
 * with two different keys: the loser reads the winner's file.
 */
export function fileKeyProvider(dir: string): SecretKeyProvider {
  const file = path.join(dir, KEY_FILE_NAME);
  let key: Buffer | null = null;
  return {
    getKey() {
      if (key) return key;
      key = readKey(file) ?? createKey(file);
      return key;
    },
  };
}

function readKey(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const buf = Buffer.from(text.trim(), 'base64');
  if (buf.length !== KEY_BYTES) throw new Error(`${file} is not a ${KEY_BYTES}-byte key`);
  return buf;
}

function createKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = crypto.randomBytes(KEY_BYTES);
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file)!;
    throw e;
  }
  return key;
}

/** For in-memory databases (tests): a key that lives as long as the process. */
export function ephemeralKeyProvider(): SecretKeyProvider {
  const key = crypto.randomBytes(KEY_BYTES);
  return { getKey: () => key };
}
