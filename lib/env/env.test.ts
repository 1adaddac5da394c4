import { describe, expect, it } from 'vitest';
import { parseEnv } from './index.js';

describe('parseEnv', () => {
  it('defaults to the embedded database in ./.stacklens/data', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.STACKLENS_DATA_DIR).toBe('./.stacklens/data');
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.STACKLENS_SESSION_IDLE_MINUTES).toBe(120);
    expect(env.STACKLENS_ANALYTICS_CACHE).toBe(256);
  });

  it('turns the analytics cache off with 0 or off, and sizes it with a number', () => {
    expect(parseEnv({ STACKLENS_ANALYTICS_CACHE: '0' }).STACKLENS_ANALYTICS_CACHE).toBe(0);
    expect(parseEnv({ STACKLENS_ANALYTICS_CACHE: 'off' }).STACKLENS_ANALYTICS_CACHE).toBe(0);
    expect(parseEnv({ STACKLENS_ANALYTICS_CACHE: ' 1000 ' }).STACKLENS_ANALYTICS_CACHE).toBe(1000);
    expect(parseEnv({ STACKLENS_ANALYTICS_CACHE: '' }).STACKLENS_ANALYTICS_CACHE).toBe(256);
    expect(() => parseEnv({ STACKLENS_ANALYTICS_CACHE: 'lots' })).toThrow(/STACKLENS_ANALYTICS_CACHE: must be a number/);
    expect(() => parseEnv({ STACKLENS_ANALYTICS_CACHE: '-1' })).toThrow(/STACKLENS_ANALYTICS_CACHE: must be 0/);
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
