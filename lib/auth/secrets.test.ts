import { describe, expect, it } from 'vitest';
import { generateApiToken, generatePassword, hashApiToken, looksLikeApiToken, tokenDisplayPrefix } from './secrets';

describe('API tokens', () => {
  it('are slk_ and 43 base64url characters, never repeated', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateApiToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(looksLikeApiToken(t)).toBe(true);
  });

  it('are stored as a SHA-256 hex digest and shown by a short prefix', () => {
    const token = generateApiToken();
    expect(hashApiToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(tokenDisplayPrefix(token)).toBe(token.slice(0, 10));
  });

  it('rejects strings that are not tokens', () => {
    expect(looksLikeApiToken('slk_short')).toBe(false);
    expect(looksLikeApiToken(`Bearer ${generateApiToken()}`)).toBe(false);
  });
});

describe('generatePassword', () => {
  it('draws 20 characters from an alphabet without look-alikes', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    for (const p of passwords) expect(p).toMatch(/^[a-hjkmnp-zA-HJ-NP-Z2-9]{20}$/);
    expect(new Set(passwords).size).toBe(200);
  });
});
