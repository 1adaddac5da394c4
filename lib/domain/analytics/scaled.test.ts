import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, Dec } from '../decimal';
import { fromScaled, toScaled, twelfthOf } from './scaled';

const reference = (numerator: string) => canonicalDecimal(new Dec(numerator).div(12));

describe('scaled integers', () => {
  it('read and write decimals exactly', () => {
    expect(toScaled('-12.5', 3)).toBe(-12500n);
    expect(toScaled('0.001', 3)).toBe(1n);
    expect(fromScaled(-12500n, 3).toFixed()).toBe('-12.5');
    expect(fromScaled(5n, 4).toFixed()).toBe('0.0005');
    expect(() => toScaled('1.2345', 3)).toThrow(/more than 3 decimal places/);
  });
});

describe('twelfthOf', () => {
  it('writes numerator / 12 exactly as decimal.js does at 40 digits, half-even', () => {
    for (const n of [
      '0',
      '12',
      '-12',
      '1',
      '6',
      '18',
      '0.000006',
      '7',
      '-7',
      '1e-30',
      '120000000000000000000000000000000000000006',
    ])
      expect(twelfthOf(n)).toBe(reference(n));
  });

  it('agrees with decimal.js on random numerators of up to 45 digits and 30 decimals', () => {
    const numerator = fc
      .tuple(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.integer({ min: 0, max: 30 }))
      .map(([n, scale]) => fromScaled(n, scale).toFixed());
    fc.assert(
      fc.property(numerator, (n) => {
        expect(twelfthOf(n)).toBe(reference(n));
      }),
      { numRuns: 2_000 },
    );
  });

  it('rounds a tie at the 40th digit to even, as decimal.js does', () => {
    // 6 × (2X + 1) / 12 = X + 0.5 exactly, for a 40-digit X: the tie goes to the even neighbour of X.
    const odd = 10n ** 39n + 1n;
    const even = 10n ** 39n + 2n;
    expect(twelfthOf((6n * (2n * odd + 1n)).toString())).toBe((odd + 1n).toString());
    expect(twelfthOf((6n * (2n * even + 1n)).toString())).toBe(even.toString());
    expect(twelfthOf((6n * (2n * odd + 1n)).toString())).toBe(reference((6n * (2n * odd + 1n)).toString()));
  });
});
