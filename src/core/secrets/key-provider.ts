/**
 * Where the key that encrypts customer secrets (device passcodes) comes from. It is never
 * stored in the database, so a copied shop.sqlite alone reveals nothing: the Electron shell
 * passes a provider backed by safeStorage (the OS keychain), the headless host uses a key
 * file with owner-only permissions beside the database.
 */
export interface SecretKeyProvider {
  /** A 32-byte AES-256 key; the same key every time for the same shop. */
  getKey(): Buffer;
}

export const KEY_BYTES = 32;
