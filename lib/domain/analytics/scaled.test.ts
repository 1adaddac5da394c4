import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moneyOfTwelfths } from './numbers';
import { exact } from './pools';
import { fromScaled, moneyOfScaledTwelfths, toScaled } from './scaled';

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

describe('moneyOfScaledTwelfths', () => {
  it('divides by 12 once and rounds a pool exactly half-way between two millionths to the even one', () => {
    // 0.000018 / 12 = 0.0000015 exactly: half-even gives 0.000002. Dividing a company's value by 12 first (1 / 12 at
    // 40 digits, 0.0833…3) and multiplying by the share 0.000018 after gives 0.00000149…9, which rounds to 0.000001.
    expect(moneyOfScaledTwelfths(18n, 6)).toBe(0.000002);
    expect(moneyOfScaledTwelfths(-18n, 6)).toBe(-0.000002);
    expect(moneyOfScaledTwelfths(6n, 6)).toBe(0); // 0.0000005 → 0.000000
    expect(moneyOfScaledTwelfths(-6n, 6)).toBe(0); // never -0
    expect(moneyOfScaledTwelfths(30n, 6)).toBe(0.000002); // 0.0000025 → 0.000002
    expect(moneyOfScaledTwelfths(1200n, 0)).toBe(100);
    expect(moneyOfScaledTwelfths(12_000_000_000_000_000_000_001n, 20)).toBe(10);
  });

  it('equals the reference, moneyOfTwelfths in decimal.js, on any amount at any scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.nat(30), (twelfths, scale) => {
        expect(moneyOfScaledTwelfths(twelfths, scale)).toBe(moneyOfTwelfths(exact(fromScaled(twelfths, scale).toFixed())));
      }),
      { numRuns: 2_000 },
    );
  });
});
