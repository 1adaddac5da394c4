import { describe, expect, it } from 'vitest';
import { chooseFiscalValue } from './choose';
import type { FigureValue, Kind, Metric } from './types';

function fig(
  fiscalYear: number,
  fiscalQuarter: FigureValue['fiscalQuarter'],
  kind: Kind,
  value: string,
  metric: Metric = 'revenue',
  currency = 'USD',
): FigureValue {
  return { fiscalYear, fiscalQuarter, metric, kind, value, currency };
}

const include = { estimates: 'include' } as const;
const exclude = { estimates: 'exclude' } as const;

describe('chooseFiscalValue, estimates included (docs/data-contract.md §3)', () => {
  it('takes the reported full year over the estimate full year', () => {
    const figures = [fig(2025, null, 'estimate', '120'), fig(2025, null, 'reported', '100')];
    expect(chooseFiscalValue(figures, 2025, 'revenue', include)).toEqual({
      ok: true,
      value: '100',
      currency: 'USD',
      estimated: false,
      from: 'reported',
      used: [figures[1]],
    });
  });

  it('takes the estimate full year when nothing is reported for the full year, and marks it estimated', () => {
    expect(chooseFiscalValue([fig(2025, null, 'estimate', '120')], 2025, 'revenue', include)).toEqual({
      ok: true,
      value: '120',
      currency: 'USD',
      estimated: true,
      from: 'estimate',
      used: [fig(2025, null, 'estimate', '120')],
    });
  });

  it('takes a full year over the quarters, even an estimate full year over four reported quarters', () => {
    const quarters = [
      fig(2025, 1, 'reported', '10'),
      fig(2025, 2, 'reported', '20'),
      fig(2025, 3, 'reported', '30'),
      fig(2025, 4, 'reported', '40'),
    ];
    expect(chooseFiscalValue([...quarters, fig(2025, null, 'reported', '99')], 2025, 'revenue', include)).toMatchObject({
      value: '99',
      from: 'reported',
      estimated: false,
    });
    expect(chooseFiscalValue([...quarters, fig(2025, null, 'estimate', '120')], 2025, 'revenue', include)).toMatchObject({
      value: '120',
      from: 'estimate',
      estimated: true,
    });
  });

  it('sums the four quarters when there is no full year: 10.5 + 20.25 + 30.125 + 40.0625 = 100.9375', () => {
    const figures = [
      fig(2025, 1, 'reported', '10.5'),
      fig(2025, 2, 'reported', '20.25'),
      fig(2025, 3, 'reported', '30.125'),
      fig(2025, 4, 'reported', '40.0625'),
    ];
    expect(chooseFiscalValue(figures, 2025, 'revenue', include)).toEqual({
      ok: true,
      value: '100.9375',
      currency: 'USD',
      estimated: false,
      from: 'quarters',
      used: figures,
    });
  });

  it('takes each quarter reported before estimate: 10 + 20 (not 99) + 30 + 40 = 100', () => {
    const figures = [
      fig(2025, 1, 'reported', '10'),
      fig(2025, 2, 'estimate', '99'),
      fig(2025, 2, 'reported', '20'),
      fig(2025, 3, 'reported', '30'),
      fig(2025, 4, 'reported', '40'),
    ];
    expect(chooseFiscalValue(figures, 2025, 'revenue', include)).toMatchObject({ ok: true, value: '100', estimated: false });
    expect(chooseFiscalValue(figures, 2025, 'revenue', include)).toMatchObject({
      used: [figures[0], figures[2], figures[3], figures[4]],
    });
  });

  it('marks a year made of quarters estimated when one quarter is an estimate: 10 + 20 + 30 + 45 = 105', () => {
    const figures = [
      fig(2025, 1, 'reported', '10'),
      fig(2025, 2, 'reported', '20'),
      fig(2025, 3, 'reported', '30'),
      fig(2025, 4, 'estimate', '45'),
    ];
    expect(chooseFiscalValue(figures, 2025, 'revenue', include)).toEqual({
      ok: true,
      value: '105',
      currency: 'USD',
      estimated: true,
      from: 'quarters',
      used: figures,
    });
  });

  it('is missing when fewer than four quarters exist, and names the quarters there are', () => {
    const q1q2 = [fig(2025, 1, 'reported', '10'), fig(2025, 2, 'estimate', '20')];
    expect(chooseFiscalValue(q1q2, 2025, 'revenue', include)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025 (only Q1, Q2 of 4 quarters)' },
    });
    const q1q2q4 = [...q1q2, fig(2025, 4, 'reported', '40')];
    expect(chooseFiscalValue(q1q2q4, 2025, 'revenue', include)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025 (only Q1, Q2, Q4 of 4 quarters)' },
    });
  });

  it('is missing when there is nothing, with the metric in words', () => {
    expect(chooseFiscalValue([], 2025, 'revenue', include)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025' },
    });
    expect(chooseFiscalValue([], 2024, 'operating_income', include)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no operating income for FY2024' },
    });
  });

  it('ignores other fiscal years and other metrics', () => {
    const figures = [
      fig(2024, null, 'reported', '1'),
      fig(2026, null, 'reported', '3'),
      fig(2025, null, 'reported', '7', 'capex'),
      fig(2025, 1, 'reported', '8', 'operating_income'),
    ];
    expect(chooseFiscalValue(figures, 2025, 'revenue', include)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025' },
    });
    expect(chooseFiscalValue(figures, 2025, 'capex', include)).toMatchObject({ ok: true, value: '7' });
    expect(chooseFiscalValue(figures, 2025, 'operating_income', include)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no operating income for FY2025 (only Q1 of 4 quarters)' },
    });
  });

  it('returns canonical decimals: 60922.000000 is 60922', () => {
    expect(chooseFiscalValue([fig(2025, null, 'reported', '60922.000000')], 2025, 'revenue', include)).toMatchObject({
      value: '60922',
    });
  });

  it('takes the currency of the chosen figures', () => {
    expect(chooseFiscalValue([fig(2025, null, 'reported', '5', 'revenue', 'EUR')], 2025, 'revenue', include)).toMatchObject({
      value: '5',
      currency: 'EUR',
    });
    const quarters = [1, 2, 3, 4].map((q) => fig(2025, q as 1 | 2 | 3 | 4, 'reported', '1', 'revenue', 'TWD'));
    expect(chooseFiscalValue(quarters, 2025, 'revenue', include)).toMatchObject({ value: '4', currency: 'TWD' });
  });

  it('sums exactly: 0.1 + 0.2 + 0 + 0 = 0.3, and 0.000001 × 4 = 0.000004', () => {
    const tenths = [
      fig(2025, 1, 'reported', '0.1'),
      fig(2025, 2, 'reported', '0.2'),
      fig(2025, 3, 'reported', '0'),
      fig(2025, 4, 'reported', '0'),
    ];
    expect(chooseFiscalValue(tenths, 2025, 'revenue', include)).toMatchObject({ value: '0.3' });
    const millionths = [1, 2, 3, 4].map((q) => fig(2025, q as 1 | 2 | 3 | 4, 'reported', '0.000001'));
    expect(chooseFiscalValue(millionths, 2025, 'revenue', include)).toMatchObject({ value: '0.000004' });
  });

  it('passes negative operating income through: a full year of −250.5, quarters −10 + 5 − 2.25 + 0 = −7.25', () => {
    expect(
      chooseFiscalValue([fig(2025, null, 'reported', '-250.5', 'operating_income')], 2025, 'operating_income', include),
    ).toMatchObject({ ok: true, value: '-250.5' });
    const quarters = [
      fig(2025, 1, 'reported', '-10', 'operating_income'),
      fig(2025, 2, 'reported', '5', 'operating_income'),
      fig(2025, 3, 'reported', '-2.25', 'operating_income'),
      fig(2025, 4, 'reported', '0', 'operating_income'),
    ];
    expect(chooseFiscalValue(quarters, 2025, 'operating_income', include)).toMatchObject({ ok: true, value: '-7.25' });
  });
});

describe('chooseFiscalValue, estimates excluded', () => {
  it('takes the reported full year as with estimates included', () => {
    const figures = [fig(2025, null, 'reported', '100'), fig(2025, null, 'estimate', '120')];
    expect(chooseFiscalValue(figures, 2025, 'revenue', exclude)).toEqual({
      ok: true,
      value: '100',
      currency: 'USD',
      estimated: false,
      from: 'reported',
      used: [figures[0]],
    });
  });

  it('is missing when the full year is only an estimate', () => {
    expect(chooseFiscalValue([fig(2025, null, 'estimate', '120')], 2025, 'revenue', exclude)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'only estimates of revenue for FY2025' },
    });
  });

  it('falls back to four reported quarters when the full year is only an estimate: 10 + 20 + 30 + 40 = 100', () => {
    const figures = [
      fig(2025, null, 'estimate', '120'),
      fig(2025, 1, 'reported', '10'),
      fig(2025, 2, 'reported', '20'),
      fig(2025, 3, 'reported', '30'),
      fig(2025, 4, 'reported', '40'),
    ];
    expect(chooseFiscalValue(figures, 2025, 'revenue', exclude)).toEqual({
      ok: true,
      value: '100',
      currency: 'USD',
      estimated: false,
      from: 'quarters',
      used: figures.slice(1),
    });
  });

  it('sums the quarters only when every one is reported', () => {
    const allReported = [
      fig(2025, 1, 'reported', '10'),
      fig(2025, 2, 'reported', '20'),
      fig(2025, 2, 'estimate', '25'),
      fig(2025, 3, 'reported', '30'),
      fig(2025, 4, 'reported', '40'),
    ];
    expect(chooseFiscalValue(allReported, 2025, 'revenue', exclude)).toMatchObject({ ok: true, value: '100', estimated: false });

    const oneEstimated = [
      fig(2025, 1, 'reported', '10'),
      fig(2025, 2, 'reported', '20'),
      fig(2025, 3, 'reported', '30'),
      fig(2025, 4, 'estimate', '40'),
    ];
    expect(chooseFiscalValue(oneEstimated, 2025, 'revenue', exclude)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'only estimates of revenue for FY2025' },
    });
    expect(chooseFiscalValue([...oneEstimated, fig(2025, null, 'estimate', '120')], 2025, 'revenue', exclude)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'only estimates of revenue for FY2025' },
    });
  });

  it('gives the same reason as with estimates included when there would be no value anyway', () => {
    const figures = [fig(2025, 1, 'reported', '10'), fig(2025, 3, 'estimate', '30')];
    expect(chooseFiscalValue(figures, 2025, 'revenue', exclude)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no revenue for FY2025 (only Q1, Q3 of 4 quarters)' },
    });
    expect(chooseFiscalValue([], 2025, 'capex', exclude)).toEqual({
      ok: false,
      missing: { code: 'no_figure', reason: 'no capex for FY2025' },
    });
  });
});
