import { describe, expect, it } from 'vitest';
import { asOfText, isoDate, memoFooter, memoSubtitle } from './memo-text';

const missing = { id: 'c1', name: 'Acme', code: 'no_figure' as const, reason: 'no revenue for FY2024' };

describe('memo subtitle', () => {
  it('states the filters: measure, year, basis, list and any assumptions', () => {
    expect(memoSubtitle({ measure: 'Revenue', period: '2024', basis: 'calendar', list: 'Portfolio', estimates: 'include' })).toBe(
      'Revenue · 2024 · calendar years · list “Portfolio”',
    );
    expect(
      memoSubtitle({
        measure: 'Revenue',
        period: '2017–2024',
        basis: 'fiscal',
        status: 'public',
        country: 'Taiwan',
        estimates: 'exclude',
        assumptions: ['g = 0.5', 'm = 0.6'],
      }),
    ).toBe(
      'Revenue · 2017–2024 · fiscal years · all companies · public companies · Taiwan · reported figures only · g = 0.5 · m = 0.6',
    );
  });
});

describe('memo footer', () => {
  const provenance = { asOf: '2026-01-31T14:05:59.123Z' };

  it('names the source, the coverage and the data as of, in UTC to the minute, and flags estimates', () => {
    const coverage = { included: 3, missing: [missing], missingCount: 1 };
    expect(memoFooter({ coverages: [{ label: null, coverage }], estimated: false, provenance })).toBe(
      'Source: Stacklens · company filings and analyst estimates · 3 companies (1 missing) · data as of 2026-01-31 14:05 UTC',
    );
    expect(memoFooter({ coverages: [{ label: null, coverage }], estimated: true, provenance })).toBe(
      'Source: Stacklens · company filings and analyst estimates · 3 companies (1 missing) · estimates included · data as of 2026-01-31 14:05 UTC',
    );
  });

  it('ends with the firm’s name when one is set', () => {
    const footer = memoFooter({ coverages: [], estimated: false, provenance: { ...provenance, firm: 'Acme Capital' } });
    expect(footer).toMatch(/ · data as of 2026-01-31 14:05 UTC · Acme Capital$/);
    expect(memoFooter({ coverages: [], estimated: false, provenance: { ...provenance, firm: null } })).toMatch(/UTC$/);
  });

  it('names the snapshot an export comes from before its as-of', () => {
    const footer = memoFooter({
      coverages: [],
      estimated: false,
      provenance: { ...provenance, snapshot: 'snapshot “Q3 IC memo”, frozen 2026-02-01' },
    });
    expect(footer).toMatch(/ · snapshot “Q3 IC memo”, frozen 2026-02-01 · data as of 2026-01-31 14:05 UTC$/);
  });

  it('names each input of a chart with several', () => {
    const footer = memoFooter({
      coverages: [
        { label: 'Chips', coverage: { included: 1, missing: [], missingCount: 0 } },
        { label: 'Application', coverage: { included: 2, missing: [missing], missingCount: 1 } },
      ],
      estimated: false,
      provenance,
    });
    expect(footer).toContain('Chips: 1 company (0 missing), Application: 2 companies (1 missing)');
  });

  it('counts flows as flows', () => {
    const footer = memoFooter({
      coverages: [
        { label: 'Flows', unit: 'flows', coverage: { included: 28, missing: [missing], missingCount: 1 } },
        { label: 'Revenue pools', coverage: { included: 1, missing: [], missingCount: 0 } },
      ],
      estimated: false,
      provenance,
    });
    expect(footer).toContain('Flows: 28 flows (1 missing), Revenue pools: 1 company (0 missing)');
  });

  it('dates in UTC', () => {
    expect(isoDate(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
    expect(asOfText('2026-03-01T23:30:00-05:00')).toBe('2026-03-02 04:30 UTC');
  });
});
