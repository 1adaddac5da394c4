import { describe, expect, it } from 'vitest';
import { profileYearRows } from './profile-years';

const base = { exposures: [{ layer: 'chips' as const, share: '0.95' }], outside: '0.05' };
const profiles = [
  { scope: 'all' as const, fromYear: 2023, exposures: [{ layer: 'chips' as const, share: '0.5285' }], outside: '0.4715' },
  { scope: 'capex' as const, fromYear: null, exposures: [{ layer: 'infrastructure' as const, share: '1' }], outside: '0' },
];

describe('profileYearRows', () => {
  it('gives each year the shares of the profile that applies to the metric, in percent, naming it', () => {
    const rows = profileYearRows(base, profiles, 'revenue', [2022, 2023, 2024]);
    expect(rows.map((r) => [r.year, r.chips, r.outside, r.profile])).toEqual([
      [2022, 95, 5, 'All metrics from the beginning (base)'],
      [2023, 52.85, 47.15, 'All metrics from 2023'],
      [2024, 52.85, 47.15, 'All metrics from 2023'],
    ]);
  });

  it('uses a metric’s own profile over a later all-metrics one', () => {
    const rows = profileYearRows(base, profiles, 'capex', [2022, 2024]);
    expect(rows.map((r) => [r.year, r.infrastructure, r.chips, r.profile])).toEqual([
      [2022, 100, 0, 'Capex from the beginning'],
      [2024, 100, 0, 'Capex from the beginning'],
    ]);
  });
});
