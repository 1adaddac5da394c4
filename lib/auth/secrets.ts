import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'slk_';

/** A new personal API token: `slk_` and 43 characters of base64url (256 random bits). */
export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function looksLikeApiToken(value: string): boolean {
  return /^slk_[A-Za-z0-9_-]{43}$/.test(value);
}

/** Tokens carry 256 random bits, so a plain SHA-256 is a sound way to store them. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokenDisplayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** An initial or reset password shown once to an admin: 20 characters from an unambiguous alphabet. */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  // Rejection sampling keeps every character equally likely.
  for (const b of bytes) {
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
    if (out.length === length) return out;
  }
  return out + generatePassword(length - out.length);
}
