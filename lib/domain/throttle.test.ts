import { describe, expect, it } from 'vitest';
import { addressLocked, clientAddress, emailLockedUntil, failureDelayMs, NO_CLIENT_ADDRESS } from './throttle';

const t0 = Date.parse('2026-03-01T12:00:00Z');
const at = (minutes: number) => new Date(t0 + minutes * 60_000);

describe('emailLockedUntil', () => {
  it('does not lock after four failures', () => {
    expect(emailLockedUntil([at(0), at(1), at(2), at(3)], at(4))).toBeNull();
  });

  it('locks for 15 minutes from the fifth failure within 15 minutes', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4)];
    expect(emailLockedUntil(failures, at(5))).toEqual(at(19));
    expect(emailLockedUntil(failures, at(18.99))).toEqual(at(19));
    expect(emailLockedUntil(failures, at(19))).toBeNull();
  });

  it('does not lock when the five failures are spread over more than 15 minutes', () => {
    expect(emailLockedUntil([at(0), at(4), at(8), at(12), at(16)], at(17))).toBeNull();
  });

  it('takes the latest qualifying run of failures, in any input order', () => {
    const failures = [at(20), at(0), at(1), at(2), at(3), at(4), at(21), at(22), at(23)];
    // Only 0–4 are five failures within 15 minutes (4, 20, 21, 22, 23 span 19); a fifth late one starts a new lock.
    expect(emailLockedUntil(failures, at(10))).toEqual(at(19));
    expect(emailLockedUntil([...failures, at(24)], at(25))).toEqual(at(39));
  });
});

describe('failureDelayMs', () => {
  it('lets a first failure through at once', () => {
    expect(failureDelayMs(0)).toBe(0);
    expect(failureDelayMs(1)).toBe(0);
  });

  it('doubles with each further failure, from a quarter second up to four seconds', () => {
    expect([2, 3, 4, 5, 6, 7].map((n) => failureDelayMs(n))).toEqual([250, 500, 1000, 2000, 4000, 4000]);
    expect(failureDelayMs(1_000)).toBe(4000);
  });
});

describe('addressLocked', () => {
  it('locks an address at 50 failures in the window', () => {
    expect(addressLocked(49)).toBe(false);
    expect(addressLocked(50)).toBe(true);
  });
});

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted', () => {
    expect(clientAddress('203.0.113.9', false)).toBe(NO_CLIENT_ADDRESS);
    expect(clientAddress(null, true)).toBe(NO_CLIENT_ADDRESS);
  });

  it('behind a trusted proxy takes the entry that proxy appended, not one a client wrote', () => {
    expect(clientAddress('6.6.6.6, 203.0.113.9', true)).toBe('203.0.113.9');
    expect(clientAddress(' 203.0.113.9 ', true)).toBe('203.0.113.9');
  });
});
