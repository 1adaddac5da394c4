import { Dec } from '../domain/decimal';
import type { Metric } from '../domain/figures/types';
import { LAYERS, type LayerKey } from '../domain/layers';
import { applicableProfile, profileKeyString, profileLabel, type ProfileKey } from '../domain/profiles';

/** A company's profile as its page has it: shares as exact decimal strings, 0.25 = 25%. */
export interface ProfileShares extends ProfileKey {
  exposures: readonly { layer: LayerKey; share: string }[];
  outside: string;
}

/** One year's bar: the percent of the business in each layer and outside, and which profile gave them. */
export type ProfileYearRow = { year: number; profile: string; outside: number } & Record<LayerKey, number>;

/**
 * For each year, the shares §2's rule gives `metric` (docs/data-contract.md §2), in percent: what the analytics
 * split that year's value of the metric by. `base` is the company's base profile; `profiles` the others.
 */
export function profileYearRows(
  base: Omit<ProfileShares, 'scope' | 'fromYear'>,
  profiles: readonly ProfileShares[],
  metric: Metric,
  years: readonly number[],
): ProfileYearRow[] {
  const byKey = new Map(profiles.map((p) => [profileKeyString(p), p]));
  return years.map((year) => {
    const key = applicableProfile(profiles, metric, year);
    const shares = byKey.get(profileKeyString(key)) ?? base;
    const percent = new Map(shares.exposures.map((e) => [e.layer, new Dec(e.share).times(100).toNumber()]));
    return {
      year,
      profile: byKey.has(profileKeyString(key)) ? profileLabel(key) : 'All metrics from the beginning (base)',
      ...(Object.fromEntries(LAYERS.map((l) => [l.key, percent.get(l.key) ?? 0])) as Record<LayerKey, number>),
      outside: new Dec(shares.outside).times(100).toNumber(),
    };
  });
}
