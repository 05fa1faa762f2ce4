import crypto from 'node:crypto';

/** Tokens and enrollment codes are stored and compared as their SHA-256 only. */
export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
