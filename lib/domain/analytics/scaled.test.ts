import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, Dec } from '../decimal';
import { fromScaled, toScaled, twelfthOf } from './scaled';

const reference = (numerator: string) => canonicalDecimal(new Dec(numerator).div(12));

/** twelfthOf equals the reference on 2,000 numerators drawn from `numerators`. */
function agreesOn(numerators: fc.Arbitrary<string>): void {
  fc.assert(
    fc.property(numerators, (n) => {
      expect(twelfthOf(n)).toBe(reference(n));
    }),
    { numRuns: 2_000 },
  );
}

describe('scaled integers', () => {
  it('read and write decimals exactly', () => {
    expect(toScaled('-12.5', 3)).toBe(-12500n);
    expect(toScaled('0.001', 3)).toBe(1n);
    expect(fromScaled(-12500n, 3).toFixed()).toBe('-12.5');
    expect(fromScaled(5n, 4).toFixed()).toBe('0.0005');
    expect(() => toScaled('1.2345', 3)).toThrow(/more than 3 decimal places/);
  });

  it('reads any plain or exponent decimal at any scale at least its places', () => {
    expect(toScaled('-.5', 1)).toBe(-5n);
    expect(toScaled('+7', 2)).toBe(700n);
    expect(toScaled('-0.05', 2)).toBe(-5n);
    expect(toScaled('1.5e-3', 4)).toBe(15n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.nat(30), fc.nat(10), (n, scale, more) => {
        expect(toScaled(fromScaled(n, scale).toFixed(), scale + more)).toBe(n * 10n ** BigInt(more));
      }),
    );
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
    agreesOn(numerator);
  });

  it('agrees with decimal.js on numerators as the database writes them: 12 decimals, trailing zeros kept', () => {
    const numerator = fc
      .tuple(fc.bigInt({ min: -(10n ** 26n), max: 10n ** 26n }), fc.boolean())
      .map(([n, plus]) => `${plus && n >= 0n ? '+' : ''}${fromScaled(n, 12).toFixed(12)}`);
    agreesOn(numerator);
  });

  it('agrees with decimal.js where the quotient gains or loses a digit: numerators near 10^k and 12 × 10^k', () => {
    // The shift is chosen from the first two digits (below 12 or not) and the digit count, up to 60 digits (a
    // numerator of more than 41 digits is divided rather than shifted).
    const numerator = fc
      .tuple(
        fc.constantFrom(1n, 11n, 12n, 119n, 120n, 121n, 99n),
        fc.integer({ min: 0, max: 58 }),
        fc.bigInt({ min: -1000n, max: 1000n }),
        fc.integer({ min: 0, max: 20 }),
      )
      .map(([head, k, offset, scale]) => fromScaled(head * 10n ** BigInt(k) + offset, scale).toFixed());
    agreesOn(numerator);
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
