import { describe, expect, it } from 'vitest';
import { companyInputSchema, companyPatchSchema, profileInputSchema } from './schema';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

describe('profiles in the company schema', () => {
  it('reads a profile: scope, a from-year as a number or digits, none as null, shares as exact strings', () => {
    expect(
      profileInputSchema.parse({ scope: 'capex', fromYear: '2020', exposures: [{ layer: 'infrastructure', share: 0.9 }] }),
    ).toEqual({ scope: 'capex', fromYear: 2020, exposures: [{ layer: 'infrastructure', share: '0.9', subLayer: null }] });
    expect(profileInputSchema.parse({ scope: 'revenue', exposures: [] })).toEqual({
      scope: 'revenue',
      fromYear: null,
      exposures: [],
    });
    expect(companyInputSchema.parse({ name: 'A' }).profiles).toEqual([]);
  });

  it('accepts a profile that puts everything outside, and an `all` profile from a year', () => {
    const parsed = companyPatchSchema.parse({
      version: 1,
      profiles: [
        { scope: 'all', fromYear: 2024, exposures: [] },
        { scope: 'operating_income', fromYear: null, exposures: [{ layer: 'chips', share: '0.25' }] },
      ],
    });
    expect(parsed.profiles).toHaveLength(2);
  });

  it('names the field of each bad profile: scope, from-year, shares, a duplicate, the base', () => {
    const result = companyPatchSchema.safeParse({
      version: 1,
      profiles: [
        { scope: 'capx', fromYear: 2020, exposures: [] },
        { scope: 'capex', fromYear: '20x4', exposures: [] },
        { scope: 'capex', fromYear: 2021.5, exposures: [] },
      ],
    });
    const issues = issuesOf(result);
    expect(issues.map((i) => i.path)).toEqual(['profiles.0.scope', 'profiles.1.fromYear', 'profiles.2.fromYear']);
    expect(issues[0]!.message).toMatch(/all, revenue, capex, operating_income/);
    expect(issues[1]!.message).toMatch(/year/);
    expect(
      issuesOf(
        companyPatchSchema.safeParse({
          version: 1,
          profiles: [{ scope: 'revenue', fromYear: 2020, exposures: [{ layer: 'chips', share: '1.5' }] }],
        }),
      ),
    ).toEqual([{ path: 'profiles.0.exposures', message: expect.stringMatching(/Chips share 1.5 is more than 1/) }]);

    const sums = issuesOf(
      companyPatchSchema.safeParse({
        version: 1,
        profiles: [
          {
            scope: 'capex',
            fromYear: 2020,
            exposures: [
              { layer: 'chips', share: '0.6' },
              { layer: 'data', share: '0.6' },
            ],
          },
          { scope: 'capex', fromYear: 2020, exposures: [] },
          { scope: 'all', fromYear: null, exposures: [] },
          {
            scope: 'all',
            exposures: [
              { layer: 'chips', share: '0.5' },
              { layer: 'chips', share: '0.5' },
            ],
          },
        ],
      }),
    );
    expect(sums).toEqual([
      { path: 'profiles.0.exposures', message: expect.stringMatching(/sum to 1.2, more than 1/) },
      { path: 'profiles.1.fromYear', message: 'Capex from 2020 appears twice (profiles 1 and 2).' },
      { path: 'profiles.2.fromYear', message: expect.stringMatching(/base profile/) },
      { path: 'profiles.3.fromYear', message: expect.stringMatching(/base profile/) },
      { path: 'profiles.3.fromYear', message: 'All metrics from the beginning appears twice (profiles 3 and 4).' },
      { path: 'profiles.3.exposures.1.layer', message: 'chips appears twice.' },
    ]);
  });
});
