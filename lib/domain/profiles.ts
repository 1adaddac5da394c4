import type { Metric } from './figures/types';
import type { LayerKey } from './layers';

/**
 * Exposure profiles (docs/data-contract.md §2): a company's layer shares by metric and from a year on. Every company
 * has its base profile (`all`, from the beginning: the `exposures` of the company); any others are keyed by scope
 * and from-year. This module is the one statement of which profile applies; the analytics, the company views and
 * the tests all call it. It imports nothing of the app.
 */
export const PROFILE_SCOPES = ['all', 'revenue', 'capex', 'operating_income'] as const;
export type ProfileScope = (typeof PROFILE_SCOPES)[number];

export function isProfileScope(value: string): value is ProfileScope {
  return (PROFILE_SCOPES as readonly string[]).includes(value);
}

/** How a scope reads on its own: a table cell, a select option, a coverage line. */
export const PROFILE_SCOPE_NAMES: Readonly<Record<ProfileScope, string>> = {
  all: 'All metrics',
  revenue: 'Revenue',
  capex: 'Capex',
  operating_income: 'Operating income',
};

/** What identifies a profile of a company: its scope and from-year (null = from the beginning). */
export interface ProfileKey {
  scope: ProfileScope;
  fromYear: number | null;
}

/** The base profile's key: every metric, from the beginning. */
export const BASE_PROFILE: ProfileKey = Object.freeze({ scope: 'all', fromYear: null });

export function isBaseProfile(key: ProfileKey): boolean {
  return key.scope === 'all' && key.fromYear === null;
}

/** The natural key as one string, for maps and duplicate checks: `capex@2020`, `all@-`. */
export function profileKeyString(key: ProfileKey): string {
  return `${key.scope}@${key.fromYear ?? '-'}`;
}

/** A profile as a short phrase: "Capex from 2020", "All metrics from the beginning". */
export function profileLabel(key: ProfileKey): string {
  return `${PROFILE_SCOPE_NAMES[key.scope]} from ${key.fromYear ?? 'the beginning'}`;
}

/** Orders profiles for display and for stable storage: base first, then by scope in PROFILE_SCOPES order, then year. */
export function compareProfileKeys(a: ProfileKey, b: ProfileKey): number {
  const scope = PROFILE_SCOPES.indexOf(a.scope) - PROFILE_SCOPES.indexOf(b.scope);
  if (scope !== 0) return scope;
  return (a.fromYear ?? -Infinity) - (b.fromYear ?? -Infinity);
}

/**
 * The one rule (docs/data-contract.md §2): the profile whose shares serve metric `metric` in analytics year `year`.
 * Among the profiles of scope `metric` whose from-year is ≤ `year` (none counts as earliest), the one with the latest
 * from-year; when there is none, among the `all` profiles chosen the same way. The base (`all`, from the beginning)
 * always applies, so the answer is never empty: `profiles` need not contain the base, whose key is returned when
 * nothing else applies. A metric's own profile, once it applies, wins over any `all` profile, even a later one.
 */
export function applicableProfile<P extends ProfileKey>(
  profiles: readonly P[],
  metric: Metric,
  year: number,
): P | typeof BASE_PROFILE {
  let own: P | null = null;
  let all: P | null = null;
  for (const p of profiles) {
    if (p.fromYear !== null && p.fromYear > year) continue;
    if (p.scope === metric) {
      if (own === null || later(p, own)) own = p;
    } else if (p.scope === 'all') {
      if (all === null || later(p, all)) all = p;
    }
  }
  return own ?? all ?? BASE_PROFILE;
}

/** a's from-year is later than b's (none is earliest). */
function later(a: ProfileKey, b: ProfileKey): boolean {
  return (a.fromYear ?? -Infinity) > (b.fromYear ?? -Infinity);
}

/** The calendar year "now" is in, which decides a company's current shares (its `all` profile for that year). */
export function currentCalendarYear(now: Date = new Date()): number {
  return now.getUTCFullYear();
}

/**
 * A company's current shares' profile: its `all` profile for the current calendar year (the base unless an `all`
 * profile from a year ≤ that year exists). Any metric scope is ignored: current shares are the `all` ones.
 */
export function currentProfile<P extends ProfileKey>(profiles: readonly P[], year: number): P | typeof BASE_PROFILE {
  let best: P | null = null;
  for (const p of profiles)
    if (p.scope === 'all' && p.fromYear !== null && p.fromYear <= year && (best === null || later(p, best))) best = p;
  return best ?? BASE_PROFILE;
}

/** Shares of a profile as the analytics read them: exact decimal strings, a layer without exposure absent. */
export type ProfileShares = Partial<Record<LayerKey, string>>;
