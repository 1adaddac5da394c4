import { describe, expect, it } from 'vitest';
import { addProfile, newProfileProblem, parseFromYear, profileDrafts, sharesSummary } from './profile-form';

/** A GPU maker: chips from the beginning, mostly outside before 2023, and its capex in infrastructure. */
const company = {
  exposures: [{ layer: 'chips' as const, share: '0.9', subLayer: 'GPUs' }],
  outside: '0.1',
  profiles: [
    {
      scope: 'capex' as const,
      fromYear: null,
      exposures: [{ layer: 'infrastructure' as const, share: '1', subLayer: null }],
      outside: '0',
    },
    {
      scope: 'all' as const,
      fromYear: 2020,
      exposures: [{ layer: 'chips' as const, share: '0.5', subLayer: null }],
      outside: '0.5',
    },
  ],
};

describe('the company form’s profiles', () => {
  it('start with the base, then the others in stored order, in percentages', () => {
    const drafts = profileDrafts(company);
    expect(drafts.map((d) => [d.scope, d.fromYear])).toEqual([
      ['all', null],
      ['all', 2020],
      ['capex', null],
    ]);
    expect(drafts[0]).toMatchObject({ percentages: { chips: '90', outside: '10' }, subLayers: { chips: 'GPUs' } });
    expect(drafts[1]!.percentages).toMatchObject({ chips: '50', outside: '50' });
    expect(drafts[2]!.percentages).toMatchObject({ infrastructure: '100', outside: '' });
  });

  it('start a new profile from the shares that applied to its scope and year before it', () => {
    const drafts = profileDrafts(company);
    // Revenue in 2024 followed "all metrics from 2020".
    const revenue2024 = addProfile(drafts, 'revenue', 2024);
    expect(revenue2024.drafts[revenue2024.index]).toMatchObject({
      scope: 'revenue',
      fromYear: 2024,
      percentages: { chips: '50' },
    });
    // Revenue from the beginning followed the base.
    const revenueEver = addProfile(drafts, 'revenue', null);
    expect(revenueEver.drafts[revenueEver.index]!.percentages).toMatchObject({ chips: '90', outside: '10' });
    // Capex in 2024 followed its own profile, which wins over the later "all" one.
    const capex2024 = addProfile(drafts, 'capex', 2024);
    expect(capex2024.drafts[capex2024.index]!.percentages).toMatchObject({ infrastructure: '100' });
    // All metrics from 2019 followed the base; from 2021, the 2020 profile.
    expect(addProfile(drafts, 'all', 2019).drafts[1]!.percentages).toMatchObject({ chips: '90' });
    const all2021 = addProfile(drafts, 'all', 2021);
    expect(all2021.drafts[all2021.index]!.percentages).toMatchObject({ chips: '50' });
  });

  it('put a new profile in its place in the stored order, the base staying first', () => {
    const { drafts, index } = addProfile(profileDrafts(company), 'all', 2019);
    expect(drafts.map((d) => `${d.scope}@${d.fromYear}`)).toEqual(['all@null', 'all@2019', 'all@2020', 'capex@null']);
    expect(index).toBe(1);
  });

  it('copy the shares, so editing the new profile leaves the one it started from alone', () => {
    const before = profileDrafts(company);
    const { drafts, index } = addProfile(before, 'revenue', 2024);
    drafts[index]!.percentages.chips = '60';
    drafts[index]!.subLayers.chips = 'changed';
    expect(before[1]!.percentages.chips).toBe('50');
    expect(before[0]!.subLayers.chips).toBe('GPUs');
  });

  it('refuse the base key, a key already there and a from-year that is not a year, saying why', () => {
    const drafts = profileDrafts(company);
    expect(newProfileProblem(drafts, 'all', '')).toMatch(/base profile/);
    expect(newProfileProblem(drafts, 'all', '2020')).toBe('All metrics from 2020 exists already.');
    expect(newProfileProblem(drafts, 'capex', ' ')).toBe('Capex from the beginning exists already.');
    expect(newProfileProblem(drafts, 'capex', '20x4')).toMatch(/as a year such as 2024/);
    expect(newProfileProblem(drafts, 'capex', '2024')).toBeNull();
  });

  it('read a typed from-year: blank is from the beginning, anything but a year is refused', () => {
    expect(parseFromYear(' 2024 ')).toBe(2024);
    expect(parseFromYear('')).toBeNull();
    for (const bad of ['24', '2024.0', '1989', '2101', 'FY2024']) expect(parseFromYear(bad)).toBeUndefined();
  });
});

describe('a profile’s shares in short', () => {
  it('lists the filled-in shares top layer first, and says when there are none', () => {
    const [base, all2020] = profileDrafts(company);
    expect(sharesSummary(base!.percentages)).toBe('Chips 90% · outside 10%');
    expect(sharesSummary(all2020!.percentages)).toBe('Chips 50% · outside 50%');
    expect(sharesSummary({ ...base!.percentages, chips: '0', outside: ' ' })).toBe('no shares yet');
  });
});
