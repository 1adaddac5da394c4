import { describe, expect, it } from 'vitest';
import { Dec } from '../decimal';
import { concentrationOf } from './concentration';

const of = (...values: string[]) => concentrationOf(values.map((v) => new Dec(v)));

describe('concentrationOf', () => {
  it('one company holds everything: HHI 10,000, CR3 1, one effective company', () => {
    expect(of('250')).toEqual({ hhi: 10_000, cr3: 1, effectiveCompanies: 1 });
  });

  it('two equal companies: HHI 50² + 50² = 5,000, two effective companies', () => {
    expect(of('50', '50')).toEqual({ hhi: 5_000, cr3: 1, effectiveCompanies: 2 });
  });

  it('600 / 300 / 100: HHI 60² + 30² + 10² = 4,600, CR3 1 with fewer than four, 10,000 / 4,600 effective', () => {
    expect(of('100', '600', '300')).toEqual({ hhi: 4_600, cr3: 1, effectiveCompanies: 100 / 46 });
  });

  it('40 / 30 / 20 / 10: HHI 1,600 + 900 + 400 + 100 = 3,000, CR3 = 0.4 + 0.3 + 0.2 = 0.9, 10/3 effective', () => {
    expect(of('10', '30', '40', '20')).toEqual({ hhi: 3_000, cr3: 0.9, effectiveCompanies: 10 / 3 });
  });

  it('counts only positive values, over their sum: 30 / 10 → 75², 25² = 6,250', () => {
    expect(of('0', '30', '10', '-20')).toEqual({ hhi: 6_250, cr3: 1, effectiveCompanies: 1.6 });
  });

  it('is all null, never NaN, without a positive value', () => {
    const none = { hhi: null, cr3: null, effectiveCompanies: null };
    expect(of()).toEqual(none);
    expect(of('0', '0')).toEqual(none);
    expect(of('-5')).toEqual(none);
  });
});
