import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stackExtents, usdAxis } from './usd-axis';

describe('usdAxis', () => {
  it('picks the largest unit the axis reaches at least 1 of', () => {
    expect(usdAxis([250, 1_500]).symbol).toBe('$B');
    expect(usdAxis([999]).symbol).toBe('$M');
    expect(usdAxis([2_500_000]).symbol).toBe('$T');
    expect(usdAxis([-3_000, 10]).symbol).toBe('$B');
    expect(usdAxis([]).symbol).toBe('$M');
  });

  it('writes ticks as plain numbers in that unit, with a true minus sign', () => {
    const axis = usdAxis([2_000]);
    expect([0, 250, 1_500, 2_000].map(axis.tick)).toEqual(['0', '0.25', '1.5', '2']);
    expect(axis.tick(-500)).toBe('−0.5');
    expect(usdAxis([900]).tick(1_000)).toBe('1,000');
  });

  it('labels values in the axis unit, chosen from the largest value, so every label of a chart reads alike', () => {
    const axis = usdAxis([1_234_567, 900]);
    expect(axis.label(1_234_567)).toBe('$1.2T');
    expect(usdAxis([312_400]).label(312_400)).toBe('$312B');
    expect(usdAxis([312_400]).label(4_560)).toBe('$4.6B');
    expect(usdAxis([312_400]).label(-4_560)).toBe('−$4.6B');
    expect(usdAxis([312_400]).label(1_234_000)).toBe('$1,234B');
    expect(usdAxis([80]).label(12.34)).toBe('$12.3M');
  });

  it('places round ticks from 0, or the lowest value, to just past the highest', () => {
    expect(usdAxis([2_163]).ticks).toEqual([0, 500, 1_000, 1_500, 2_000, 2_500]);
    expect(usdAxis([712.3]).ticks).toEqual([0, 200, 400, 600, 800]);
    expect(usdAxis([1_300, -250]).ticks).toEqual([-500, 0, 500, 1_000, 1_500]);
    expect(usdAxis([0]).ticks).toEqual([0, 1]);
    expect(usdAxis([2_163]).domain).toEqual([0, 2_500]);
    // Rounding both ends outward once made a seventh tick (−0.01 … 0.002 in steps of 0.002); now the step grows.
    expect(usdAxis([-0.008001, 0.000001]).ticks).toEqual([-0.01, -0.0075, -0.005, -0.0025, 0, 0.0025]);
  });

  it('always covers the values with at most six ticks, zero among them', () => {
    // USD millions as the API answers them: at most 6 decimals.
    const money = fc.double({ min: -1e7, max: 1e7, noNaN: true }).map((v) => Math.round(v * 1e6) / 1e6);
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 6 }), (values) => {
        const { ticks } = usdAxis(values);
        expect(ticks.length).toBeLessThanOrEqual(6);
        expect(ticks).toContain(0);
        expect(ticks[0]!).toBeLessThanOrEqual(Math.min(0, ...values));
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(Math.max(0, ...values));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('stackExtents', () => {
  it('sums each stack up and down separately', () => {
    expect(stackExtents([[500, -30, 200], [10]])).toEqual([700, -30, 10, 0]);
  });
});
