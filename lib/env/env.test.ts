import { describe, expect, it } from 'vitest';
import { parseEnv } from './index.js';

describe('parseEnv', () => {
  it('defaults to the embedded database in ./.stacklens/data', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.STACKLENS_DATA_DIR).toBe('./.stacklens/data');
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.STACKLENS_SESSION_IDLE_MINUTES).toBe(120);
  });

  it('treats blank values as unset and reads flags', () => {
    const env = parseEnv({ DATABASE_URL: ' ', TRUST_PROXY: '1', STACKLENS_DEMO: 'true' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.STACKLENS_DEMO).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', NEXTAUTH_SECRET: 'short', PORT: 'eighty' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/[\s\S]*NEXTAUTH_SECRET: must be at least 32[\s\S]*PORT/,
    );
  });
});
