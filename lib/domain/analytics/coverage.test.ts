import { describe, expect, it } from 'vitest';
import { coverageOf } from './coverage';
import { unvalued, valued } from './test-rows';

describe('coverageOf', () => {
  it('counts the companies with a value and lists the others sorted by name, case-insensitively', () => {
    const rows = [
      unvalued('z', 'Zeta', { chips: '1' }),
      valued('n', 'Nvidia', { chips: '1' }, '130497'),
      unvalued('e', 'Élan', {}, { code: 'no_fx_rate', reason: 'no EUR rate for 2024' }),
      valued('o', 'Outside Co', {}, '0'),
      unvalued('g', 'eagle', { data: '0.5' }, { code: 'no_figure', reason: 'no revenue for FY2024' }),
    ];
    expect(coverageOf(rows)).toEqual({
      included: 2,
      missing: [
        { id: 'g', name: 'eagle', code: 'no_figure', reason: 'no revenue for FY2024' },
        { id: 'z', name: 'Zeta', code: 'no_figure', reason: 'no revenue for FY2025' },
        { id: 'e', name: 'Élan', code: 'no_fx_rate', reason: 'no EUR rate for 2024' },
      ],
    });
  });

  it('is empty for no companies', () => {
    expect(coverageOf([])).toEqual({ included: 0, missing: [] });
  });

  it('refuses a row with neither a value nor a reason, and a company twice', () => {
    const broken = { ...unvalued('x', 'X', {}), missing: null };
    expect(() => coverageOf([broken])).toThrow(/neither a value nor a reason/);
    expect(() => coverageOf([valued('x', 'X', {}, '1'), unvalued('x', 'X', {})])).toThrow(/more than once/);
  });
});
