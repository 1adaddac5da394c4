import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS, type Metric } from './figures/types';
import {
  applicableProfile,
  BASE_PROFILE,
  currentProfile,
  isBaseProfile,
  PROFILE_SCOPES,
  type ProfileKey,
  type ProfileScope,
} from './profiles';

const p = (scope: ProfileScope, fromYear: number | null, name = `${scope}@${fromYear ?? '-'}`) => ({ scope, fromYear, name });
const nameOf = (found: ProfileKey) => ('name' in found ? (found as { name: string }).name : 'base');

describe('applicableProfile (docs/data-contract.md §2), worked by hand', () => {
  // A hyperscaler: capex from the beginning is data centres; revenue moved in 2023; the all profile moved in 2021
  // and again in 2025; operating income has its own profile only from 2024.
  const profiles = [p('capex', null), p('revenue', 2023), p('all', 2021), p('all', 2025), p('operating_income', 2024)];
  const cases: [Metric, number, string][] = [
    ['capex', 1990, 'capex@-'], // a metric's own profile from the beginning applies to every year …
    ['capex', 2030, 'capex@-'], // … and wins over any all profile, even a later one
    ['revenue', 2020, 'base'], // no revenue profile yet, no all profile yet: the base
    ['revenue', 2021, 'all@2021'], // the all profile from 2021
    ['revenue', 2022, 'all@2021'],
    ['revenue', 2023, 'revenue@2023'], // its own profile from its from-year on
    ['revenue', 2026, 'revenue@2023'], // even after all@2025
    ['operating_income', 2023, 'all@2021'],
    ['operating_income', 2024, 'operating_income@2024'],
    ['operating_income', 2025, 'operating_income@2024'],
  ];
  it.each(cases)('%s in %i uses %s', (metric, year, expected) => {
    expect(nameOf(applicableProfile(profiles, metric, year))).toBe(expected);
  });

  it('takes the base when a company has no other profile, and never needs the base in the list', () => {
    expect(applicableProfile([], 'revenue', 2024)).toBe(BASE_PROFILE);
    expect(isBaseProfile(applicableProfile([p('capex', 2030)], 'capex', 2029))).toBe(true);
  });

  it('takes the latest of several from-years of one scope, whatever their order', () => {
    const shuffled = [p('capex', 2024), p('capex', 2018), p('capex', 2021)];
    expect(nameOf(applicableProfile(shuffled, 'capex', 2023))).toBe('capex@2021');
    expect(nameOf(applicableProfile(shuffled, 'capex', 2017))).toBe('base');
  });

  it('gives the current shares from the all profiles only', () => {
    expect(currentProfile(profiles, 2024)).toMatchObject({ name: 'all@2021' });
    expect(currentProfile(profiles, 2025)).toMatchObject({ name: 'all@2025' });
    expect(currentProfile([p('capex', null), p('revenue', 2000)], 2026)).toBe(BASE_PROFILE);
  });
});

describe('applicableProfile properties', () => {
  const scope = fc.constantFrom(...PROFILE_SCOPES);
  const fromYear = fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: null, freq: 4 });
  // Distinct keys, the base left out, as the schema and the table guarantee.
  const profiles = fc
    .uniqueArray(fc.record({ scope, fromYear }), { selector: (x) => `${x.scope}@${x.fromYear}`, maxLength: 10 })
    .map((list) => list.filter((x) => !(x.scope === 'all' && x.fromYear === null)));
  const metric = fc.constantFrom(...METRICS);
  const year = fc.integer({ min: 1990, max: 2030 });

  /** The rule written the slow way: the candidates of each scope, sorted, the last one that starts by the year. */
  function slow(list: readonly ProfileKey[], m: Metric, y: number): ProfileKey {
    const starts = (x: ProfileKey) => (x.fromYear ?? -Infinity) <= y;
    const latest = (of: ProfileKey[]) => [...of].sort((a, b) => (a.fromYear ?? -Infinity) - (b.fromYear ?? -Infinity)).at(-1);
    return (
      latest(list.filter((x) => x.scope === m && starts(x))) ??
      latest(list.filter((x) => x.scope === 'all' && starts(x))) ??
      BASE_PROFILE
    );
  }

  it('equals the rule written the slow way, for any order of the profiles', () => {
    fc.assert(
      fc.property(profiles, metric, year, fc.integer(), (list, m, y, seed) => {
        const shuffled = [...list].sort((a, b) => (((a.fromYear ?? 0) * 31 + seed) % 7) - (((b.fromYear ?? 0) * 31 + seed) % 7));
        expect(applicableProfile(shuffled, m, y)).toEqual(slow(list, m, y));
      }),
    );
  });

  it('applies only a profile of the metric or `all`, that has started by the year', () => {
    fc.assert(
      fc.property(profiles, metric, year, (list, m, y) => {
        const found = applicableProfile(list, m, y);
        expect([m, 'all']).toContain(found.scope);
        expect(found.fromYear === null || found.fromYear <= y).toBe(true);
      }),
    );
  });

  it('once a metric profile applies, it applies to every later year unless a later one of that metric starts', () => {
    fc.assert(
      fc.property(profiles, metric, year, fc.integer({ min: 0, max: 20 }), (list, m, y, dy) => {
        const now = applicableProfile(list, m, y);
        if (now.scope !== m) return;
        const then = applicableProfile(list, m, y + dy);
        expect(then.scope).toBe(m);
        expect((then.fromYear ?? -Infinity) >= (now.fromYear ?? -Infinity)).toBe(true);
      }),
    );
  });

  it('ignores profiles of other metrics', () => {
    fc.assert(
      fc.property(profiles, metric, year, (list, m, y) => {
        const own = list.filter((x) => x.scope === m || x.scope === 'all');
        expect(applicableProfile(list, m, y)).toEqual(applicableProfile(own, m, y));
      }),
    );
  });
});
