import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';

const KEY_BYTES = 32;

/**
 * The passcode key for the app: random once, kept in userData encrypted by the OS
 * keychain (safeStorage), so neither the database nor the file alone reveals it.
 * Only main can use safeStorage; the backend process receives the key by message.
 */
export function loadOrCreateSecretKey(userData: string): Buffer {
  const file = path.join(userData, 'secret.key.enc');
  if (!safeStorage.isEncryptionAvailable()) throw new Error('OS encryption (safeStorage) is not available');
  if (fs.existsSync(file)) {
    const key = Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'base64');
    if (key.length === KEY_BYTES) return key;
    throw new Error(`${file} does not hold a ${KEY_BYTES}-byte key`);
  }
  const key = crypto.randomBytes(KEY_BYTES);
  fs.mkdirSync(userData, { recursive: true });
  fs.writeFileSync(file, safeStorage.encryptString(key.toString('base64')), { mode: 0o600, flag: 'wx' });
  return key;
}
