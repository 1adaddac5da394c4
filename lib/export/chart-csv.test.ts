import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { chartCsv } from './chart-csv';

const input = {
  table: {
    columns: [
      { label: 'Layer', kind: 'text' as const },
      { label: 'Company', kind: 'text' as const },
      { label: 'Attributed revenue', kind: 'usdMillions' as const },
      { label: 'Share of layer', kind: 'ratio' as const },
    ],
    rows: [
      ['Chips', '=HYPERLINK("http://x")', 500.123456, 0.3333333333333333],
      ['Chips', 'Others (2)', -12.5, null],
    ],
  },
  coverages: [
    {
      label: null,
      coverage: {
        included: 3,
        missing: [{ id: 'm', name: '@Missing Co', code: 'no_figure' as const, reason: 'no revenue for FY2024' }],
        missingCount: 1,
      },
    },
  ],
  title: 'Revenue pools by layer, 2024',
  subtitle: 'Revenue · 2024 · calendar years · all companies',
  footer: 'Source: Stacklens · company filings and analyst estimates · 3 companies (1 missing) · as of 2026-01-31',
};

const records = (text: string): string[][] => parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });

describe('chartCsv', () => {
  const text = chartCsv(input);
  const rows = records(text);

  it('writes one header row with units, then the plotted numbers unrounded', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toEqual(['Layer', 'Company', 'Attributed revenue (USD millions)', 'Share of layer (fraction, 0.25 = 25%)']);
    expect(rows[1]).toEqual(['Chips', `'=HYPERLINK("http://x")`, '500.123456', '0.3333333333333333']);
    expect(rows[2]).toEqual(['Chips', 'Others (2)', '-12.5', '']);
  });

  it('guards text against formula injection but never a number', () => {
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain(',-12.5,');
    expect(rows.find((r) => r[0] === "'@Missing Co")).toEqual([
      "'@Missing Co",
      'Companies',
      'no_figure',
      'no revenue for FY2024',
    ]);
  });

  it('adds the coverage and what the chart is, each block after a blank line', () => {
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
    expect(blank).toBe(3);
    expect(rows[4]).toEqual(['Coverage', 'Companies included', 'Companies missing']);
    expect(rows[5]).toEqual(['Companies', '3', '1']);
    expect(rows).toContainEqual(['Chart', 'Revenue pools by layer, 2024']);
    expect(rows).toContainEqual(['Source', input.footer]);
  });

  it('leaves out the missing list when no company is missing', () => {
    const none = chartCsv({ ...input, coverages: [{ label: 'Chips', coverage: { included: 2, missing: [], missingCount: 0 } }] });
    expect(none).not.toContain('Missing company');
    expect(records(none)).toContainEqual(['Chips', '2', '0']);
  });

  it('lists the companies on an exposure profile other than their base, with the profile', () => {
    const coverage = {
      included: 3,
      missing: [],
      missingCount: 0,
      profiles: [{ id: 'h', name: 'Hyper', scope: 'capex' as const, fromYear: null }],
      profilesCount: 2,
    };
    const rows = records(chartCsv({ ...input, coverages: [{ label: 'Chips', coverage }] }));
    expect(rows).toContainEqual(['Company on an exposure profile', 'Coverage', 'Profile scope', 'Profile from year']);
    expect(rows).toContainEqual(['Hyper', 'Chips', 'capex', '']);
    expect(rows).toContainEqual(['…and 1 more', 'Chips']);
  });
});
