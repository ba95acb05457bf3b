// Seals Slack tokens before they reach the database: AES-256-GCM with a key derived from
// ENCRYPTION_KEY. Without a key, values are stored marked as plain so a key added later
// still reads them (and re-seals them on the next install).
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const SEALED = 'v1:';
const PLAIN = 'plain:';

export interface TokenCipher {
  readonly encrypting: boolean;
  seal(value: string): string;
  open(stored: string): string;
}

export const createTokenCipher = (secret: string | undefined): TokenCipher => {
  // A fixed salt is fine: the secret is a configured high-entropy key, not a password table.
  const key = secret ? scryptSync(secret, 'cx-habits/slack-tokens', 32) : undefined;
  return {
    encrypting: key !== undefined,
    seal(value) {
      if (!key) return PLAIN + value;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return SEALED + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(stored) {
      if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
      if (!stored.startsWith(SEALED)) throw new Error('unknown token format');
      if (!key) throw new Error('ENCRYPTION_KEY is needed to read the stored Slack tokens');
      const raw = Buffer.from(stored.slice(SEALED.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
};
