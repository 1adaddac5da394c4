import { describe, expect, it, vi } from 'vitest';
import { companyYearValue, monthsInCalendarYear, roundMoney, withCalendarOverlap, type CompanyYearInput } from './calendar';
import type { FigureValue, Kind, Metric } from './types';

function fig(
  fiscalYear: number,
  value: string,
  { currency = 'USD', kind = 'reported', quarter = null, metric = 'revenue' }: Partial<FigureOptions> = {},
): FigureValue {
  return { fiscalYear, fiscalQuarter: quarter, metric, kind, value, currency };
}
type FigureOptions = { currency: string; kind: Kind; quarter: FigureValue['fiscalQuarter']; metric: Metric };

const RATES: Record<string, string> = {
  'EUR:2024': '1.082',
  'EUR:2025': '1.1',
  'JPY:2024': '0.0066',
  'TWD:2023': '0.032',
  'TWD:2025': '0.03',
};
const rates = (currency: string, year: number) => RATES[`${currency}:${year}`];

/** Calendar year 2024 of revenue, estimates included, unless overridden. */
function value(overrides: Partial<CompanyYearInput> & Pick<CompanyYearInput, 'figures' | 'fiscalYearEndMonth'>) {
  return companyYearValue({
    year: 2024,
    metric: 'revenue',
    basis: 'calendar',
    estimates: 'include',
    usdPerUnit: rates,
    ...overrides,
  });
}

describe('monthsInCalendarYear', () => {
  it('gives the whole fiscal year when years end in December', () => {
    expect(monthsInCalendarYear(12, 2024)).toEqual([{ fiscalYear: 2024, months: 12 }]);
  });

  it('splits the calendar year between the fiscal year ending in it and the next one', () => {
    // FY2024 of a January year-end runs Feb 2023 – Jan 2024; FY2025 runs Feb 2024 – Jan 2025.
    expect(monthsInCalendarYear(1, 2024)).toEqual([
      { fiscalYear: 2024, months: 1 },
      { fiscalYear: 2025, months: 11 },
    ]);
    expect(monthsInCalendarYear(6, 2024)).toEqual([
      { fiscalYear: 2024, months: 6 },
      { fiscalYear: 2025, months: 6 },
    ]);
    expect(monthsInCalendarYear(9, 2030)).toEqual([
      { fiscalYear: 2030, months: 9 },
      { fiscalYear: 2031, months: 3 },
    ]);
    expect(monthsInCalendarYear(11, 2024)).toEqual([
      { fiscalYear: 2024, months: 11 },
      { fiscalYear: 2025, months: 1 },
    ]);
  });

  it('refuses a month outside 1–12 or a fractional year', () => {
    expect(() => monthsInCalendarYear(0, 2024)).toThrow(RangeError);
    expect(() => monthsInCalendarYear(13, 2024)).toThrow(RangeError);
    expect(() => monthsInCalendarYear(6.5, 2024)).toThrow(RangeError);
    expect(() => monthsInCalendarYear(6, 2024.5)).toThrow(RangeError);
  });
});

describe('companyYearValue, calendar basis', () => {
  it('takes the fiscal year as is when years end in December', () => {
    expect(value({ fiscalYearEndMonth: 12, figures: [fig(2024, '1234.5'), fig(2025, '9999')] })).toEqual({
      ok: true,
      usd: '1234.5',
      twelfths: '14814',
      estimated: false,
      parts: [{ fiscalYear: 2024, months: 12, value: '1234.5', currency: 'USD' }],
    });
  });

  it('year-end January: CY2024 = (FY2024 × 1 + FY2025 × 11) / 12 = (1200 + 26400) / 12 = 2300', () => {
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2024, '1200'), fig(2025, '2400')] })).toEqual({
      ok: true,
      usd: '2300',
      twelfths: '27600',
      estimated: false,
      parts: [
        { fiscalYear: 2024, months: 1, value: '1200', currency: 'USD' },
        { fiscalYear: 2025, months: 11, value: '2400', currency: 'USD' },
      ],
    });
  });

  it('year-end June: (1000 × 6 + 1300 × 6) / 12 = 13800 / 12 = 1150', () => {
    expect(value({ fiscalYearEndMonth: 6, figures: [fig(2024, '1000'), fig(2025, '1300')] })).toMatchObject({
      ok: true,
      usd: '1150',
    });
  });

  it('year-end September: (1200 × 9 + 1600 × 3) / 12 = (10800 + 4800) / 12 = 1300', () => {
    expect(value({ fiscalYearEndMonth: 9, figures: [fig(2024, '1200'), fig(2025, '1600')] })).toMatchObject({
      ok: true,
      usd: '1300',
    });
  });

  it('uses the chosen value of each fiscal year (quarters of FY2025: 500 + 600 + 650 + 650 = 2400)', () => {
    const figures = [
      fig(2024, '1200'),
      fig(2025, '500', { quarter: 1 }),
      fig(2025, '600', { quarter: 2 }),
      fig(2025, '650', { quarter: 3 }),
      fig(2025, '650', { quarter: 4 }),
    ];
    expect(value({ fiscalYearEndMonth: 1, figures })).toMatchObject({ ok: true, usd: '2300', estimated: false });
  });

  it('is missing when an overlapping fiscal year has no value, naming the first one missing', () => {
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2024, '1200')] })).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025, whose first 11 months fall in 2024' },
    });
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2025, '2400')] })).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2024' },
    });
    expect(value({ fiscalYearEndMonth: 6, figures: [] })).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2024' },
    });
    expect(
      value({ fiscalYearEndMonth: 6, figures: [fig(2024, '1'), fig(2025, '1', { quarter: 1 }), fig(2025, '1', { quarter: 2 })] }),
    ).toEqual({
      ok: false,
      missing: {
        code: 'no_figure',
        reason: 'no revenue for FY2025, whose first 6 months fall in 2024 (only Q1, Q2 of 4 quarters)',
      },
    });
    expect(value({ fiscalYearEndMonth: 3, figures: [fig(2024, '1'), fig(2025, '1')], metric: 'operating_income' })).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no operating income for FY2024' },
    });
  });

  it('does not need the next fiscal year when years end in December', () => {
    expect(value({ fiscalYearEndMonth: 12, figures: [fig(2024, '7')] })).toMatchObject({ ok: true, usd: '7' });
  });

  it('is missing when the rate of the calendar year is missing, even if another year has one', () => {
    expect(value({ fiscalYearEndMonth: 12, figures: [fig(2024, '100', { currency: 'TWD' })] })).toEqual({
      ok: false,
      missing: { code: 'no_fx_rate', reason: 'no TWD rate for 2024' },
    });
  });

  it('reports a missing figure rather than a missing rate when both are missing', () => {
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2024, '100', { currency: 'TWD' })] })).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025, whose first 11 months fall in 2024' },
    });
  });

  it('names the first fiscal year whose currency has no rate', () => {
    const figures = [fig(2024, '1', { currency: 'GBP' }), fig(2025, '1', { currency: 'TWD' })];
    expect(value({ fiscalYearEndMonth: 6, figures })).toEqual({
      ok: false,
      missing: { code: 'no_fx_rate', reason: 'no GBP rate for 2024' },
    });
    const second = [fig(2024, '1'), fig(2025, '1', { currency: 'TWD' })];
    expect(value({ fiscalYearEndMonth: 6, figures: second })).toEqual({
      ok: false,
      missing: { code: 'no_fx_rate', reason: 'no TWD rate for 2024' },
    });
  });

  it('converts EUR at the rate of the calendar year: 1000 × 1.082 = 1082, 2500.5 × 1.082 = 2705.541', () => {
    expect(value({ fiscalYearEndMonth: 12, figures: [fig(2024, '1000', { currency: 'EUR' })] })).toEqual({
      ok: true,
      usd: '1082',
      twelfths: '12984',
      estimated: false,
      parts: [{ fiscalYear: 2024, months: 12, value: '1000', currency: 'EUR' }],
    });
    expect(value({ fiscalYearEndMonth: 12, figures: [fig(2024, '2500.5', { currency: 'EUR' })] })).toMatchObject({
      usd: '2705.541',
    });
  });

  it('converts JPY with a March year-end: (1,200,000 × 3 + 1,320,000 × 9) / 12 = 1,290,000 × 0.0066 = 8514', () => {
    const figures = [fig(2024, '1200000', { currency: 'JPY' }), fig(2025, '1320000', { currency: 'JPY' })];
    expect(value({ fiscalYearEndMonth: 3, figures })).toMatchObject({ ok: true, usd: '8514' });
  });

  it('converts two fiscal years in different currencies each at its own rate: (1200 × 6 × 0.031 + 50 × 6 × 1) / 12 = 43.6', () => {
    const figures = [fig(2024, '1200', { currency: 'TWD' }), fig(2025, '50')];
    const usdPerUnit = (currency: string, year: number) => (currency === 'TWD' && year === 2024 ? '0.031' : undefined);
    expect(value({ fiscalYearEndMonth: 6, figures, usdPerUnit })).toEqual({
      ok: true,
      usd: '43.6',
      twelfths: '523.2',
      estimated: false,
      parts: [
        { fiscalYear: 2024, months: 6, value: '1200', currency: 'TWD' },
        { fiscalYear: 2025, months: 6, value: '50', currency: 'USD' },
      ],
    });
  });

  it('never asks for a USD rate', () => {
    const usdPerUnit = vi.fn(() => undefined);
    expect(value({ fiscalYearEndMonth: 12, figures: [fig(2024, '5')], usdPerUnit })).toMatchObject({ ok: true, usd: '5' });
    expect(usdPerUnit).not.toHaveBeenCalled();
  });

  it('is estimated when one of the fiscal years is', () => {
    const figures = [fig(2024, '1200'), fig(2025, '2400', { kind: 'estimate' })];
    expect(value({ fiscalYearEndMonth: 1, figures })).toMatchObject({ ok: true, usd: '2300', estimated: true });
  });

  it('with estimates excluded, is missing when a fiscal year has only estimates, or uses its reported quarters', () => {
    const figures = [fig(2024, '1200'), fig(2025, '2400', { kind: 'estimate' })];
    expect(value({ fiscalYearEndMonth: 1, figures, estimates: 'exclude' })).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'only estimates of revenue for FY2025, whose first 11 months fall in 2024' },
    });
    const withQuarters = [
      ...figures,
      fig(2025, '400', { quarter: 1 }),
      fig(2025, '500', { quarter: 2 }),
      fig(2025, '600', { quarter: 3 }),
      fig(2025, '700', { quarter: 4 }),
    ];
    // FY2025 = 400 + 500 + 600 + 700 = 2200; (1200 + 2200 × 11) / 12 = (1200 + 24200) / 12 = 25400 / 12 = 2116.666…
    expect(value({ fiscalYearEndMonth: 1, figures: withQuarters, estimates: 'exclude' })).toEqual({
      ok: true,
      usd: '2116.666666666666666666666666666666666667',
      twelfths: '25400',
      estimated: false,
      parts: [
        { fiscalYear: 2024, months: 1, value: '1200', currency: 'USD' },
        { fiscalYear: 2025, months: 11, value: '2200', currency: 'USD' },
      ],
    });
  });

  it('passes negative operating income through: (−1200 + 2400 × 11) / 12 = 2100; (−1200 − 26400) / 12 = −2300', () => {
    const metric = 'operating_income';
    const mixed = [fig(2024, '-1200', { metric }), fig(2025, '2400', { metric })];
    expect(value({ fiscalYearEndMonth: 1, figures: mixed, metric })).toMatchObject({ ok: true, usd: '2100' });
    const losses = [fig(2024, '-1200', { metric }), fig(2025, '-2400', { metric })];
    expect(value({ fiscalYearEndMonth: 1, figures: losses, metric })).toMatchObject({ ok: true, usd: '-2300' });
  });

  it('is exact: quarters 0.1 + 0.2 + 0 + 0 give 0.3', () => {
    const figures = [
      fig(2024, '0.1', { quarter: 1 }),
      fig(2024, '0.2', { quarter: 2 }),
      fig(2024, '0', { quarter: 3 }),
      fig(2024, '0', { quarter: 4 }),
    ];
    expect(value({ fiscalYearEndMonth: 12, figures })).toMatchObject({ ok: true, usd: '0.3' });
  });

  it('keeps full precision: 0.000003 × 11 / 12 = 0.00000275, and 1.000001 × 11 / 12 to 40 significant digits', () => {
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2024, '0'), fig(2025, '0.000003')] })).toMatchObject({
      usd: '0.00000275',
    });
    // 11.000011 / 12 = 0.91666758333…, the 3 repeating.
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2024, '0'), fig(2025, '1.000001')] })).toMatchObject({
      usd: '0.9166675833333333333333333333333333333333',
    });
  });

  it('multiplies by the rate before dividing by 12, so an exact half stays exact', () => {
    // (0.000002 × 1 × 0.03 + 0.000018 × 11 × 0.03) / 12 = (0.00000006 + 0.00000594) / 12 = 0.000006 / 12 = 0.0000005.
    // Dividing first would give 0.0002 / 12 = 0.0000166…67, × 0.03 = 0.00000050…01, which rounds up instead of to even.
    const figures = [fig(2024, '0.000002', { currency: 'TWD' }), fig(2025, '0.000018', { currency: 'TWD' })];
    const result = value({ fiscalYearEndMonth: 1, figures, usdPerUnit: () => '0.03' });
    expect(result).toMatchObject({ ok: true, usd: '0.0000005' });
    expect(roundMoney('0.0000005')).toBe('0');
  });
});

describe('companyYearValue, fiscal basis', () => {
  it('takes fiscal year Y at the rate of calendar year Y, whatever the year-end month: 2400 × 1.1 = 2640', () => {
    const figures = [fig(2024, '1200', { currency: 'EUR' }), fig(2025, '2400', { currency: 'EUR' })];
    expect(value({ fiscalYearEndMonth: 1, figures, basis: 'fiscal', year: 2025 })).toEqual({
      ok: true,
      usd: '2640',
      twelfths: '31680',
      estimated: false,
      parts: [{ fiscalYear: 2025, months: 12, value: '2400', currency: 'EUR' }],
    });
  });

  it('needs only that fiscal year', () => {
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2024, '1200')], basis: 'fiscal' })).toMatchObject({
      ok: true,
      usd: '1200',
    });
    expect(value({ fiscalYearEndMonth: 1, figures: [fig(2024, '1200')], basis: 'fiscal', year: 2025 })).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025' },
    });
  });

  it('is missing without the rate of year Y', () => {
    expect(value({ fiscalYearEndMonth: 6, figures: [fig(2024, '1', { currency: 'TWD' })], basis: 'fiscal' })).toEqual({
      ok: false,
      missing: { code: 'no_fx_rate', reason: 'no TWD rate for 2024' },
    });
  });
});

describe('roundMoney', () => {
  it('rounds USD millions to 6 decimals, half to even', () => {
    expect(roundMoney('1.0000005')).toBe('1');
    expect(roundMoney('1.0000015')).toBe('1.000002');
    expect(roundMoney('1.00000150000001')).toBe('1.000002');
    expect(roundMoney('1.0000024999')).toBe('1.000002');
    expect(roundMoney('-1.0000025')).toBe('-1.000002');
    expect(roundMoney('-1.0000035')).toBe('-1.000004');
    expect(roundMoney('0.9166675833333333333333333333333333333333')).toBe('0.916668');
    expect(roundMoney('2116.666666666666666666666666666666666667')).toBe('2116.666667');
  });

  it('keeps canonical text: no trailing zeros, no exponent', () => {
    expect(roundMoney('2300.000000')).toBe('2300');
    expect(roundMoney('1234.5')).toBe('1234.5');
    expect(roundMoney('1.5e-5')).toBe('0.000015');
    expect(roundMoney('12345678901234.123456789')).toBe('12345678901234.123457');
  });

  it('writes a negative value that rounds to zero as 0, not -0', () => {
    expect(roundMoney('-2.5e-7')).toBe('0');
    expect(roundMoney('-0.0000005')).toBe('0');
    expect(roundMoney('-0')).toBe('0');
  });
});

describe('withCalendarOverlap', () => {
  it.each([
    ['no revenue for FY2025', 10, 'no revenue for FY2025, whose first 2 months fall in 2024'],
    ['no revenue for FY2025', 11, 'no revenue for FY2025, whose first month falls in 2024'],
    ['no revenue for FY2025', 12, 'no revenue for FY2025'],
    ['no revenue for FY2024', 6, 'no revenue for FY2024'],
    ['no capex for FY20250', 6, 'no capex for FY20250'],
  ])('%s, year-end month %d: %s', (reason, fyEnd, expected) => {
    expect(withCalendarOverlap(reason, fyEnd, 2024)).toBe(expected);
  });
});
