import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatPercent, formatUsdMillions } from './format';

describe('display formats', () => {
  it('writes USD millions as $T, $B or $M with the unit', () => {
    expect(formatUsdMillions(1_234_567)).toBe('$1.23T');
    expect(formatUsdMillions(456_712.3)).toBe('$456.7B');
    expect(formatUsdMillions(89.04)).toBe('$89.0M');
    expect(formatUsdMillions(-2_500)).toBe('−$2.5B');
    expect(formatUsdMillions(0)).toBe('$0');
  });

  it('groups an exact decimal without touching its digits', () => {
    expect(formatDecimal('-1234567.000001')).toBe('−1,234,567.000001');
    expect(formatDecimal('12.5', 2)).toBe('12.50');
  });

  it('writes ratios as percentages', () => {
    expect(formatPercent(0.23456)).toBe('23.5%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatCount', () => {
  it.each([
    [0, 'company', 'companies', '0 companies'],
    [1, 'company', 'companies', '1 company'],
    [2, 'company', 'companies', '2 companies'],
    [1, 'flow', undefined, '1 flow'],
    [3, 'flow', undefined, '3 flows'],
  ])('%d %s', (count, one, many, expected) => {
    expect(formatCount(count, one, many)).toBe(expected);
  });
});
