import crypto from 'node:crypto';
import type { SecretKeyProvider } from './key-provider';

/**
 * AES-256-GCM. Layout: version byte (1) | 12-byte random nonce | 16-byte tag | ciphertext.
 * The associated data binds a ciphertext to its row (the ticket id), so a ciphertext copied
 * onto another ticket does not decrypt.
 */
const VERSION = 1;

export function encryptSecret(keys: SecretKeyProvider, plaintext: string, aad: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.getKey(), iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** Throws when the key is wrong or the bytes were altered (GCM authentication). */
export function decryptSecret(keys: SecretKeyProvider, blob: Buffer, aad: string): string {
  if (blob.length < 29 || blob[0] !== VERSION) throw new Error('unknown secret format');
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.getKey(), blob.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(blob.subarray(13, 29));
  return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
}
