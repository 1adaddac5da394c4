import type { CompanyYearValue, ProfileUsed } from '../../domain/analytics/types';
import { twelfthOf } from '../../domain/analytics/scaled';
import { withCalendarOverlap } from '../../domain/figures/calendar';
import { METRIC_LABELS, type Basis, type Metric, type MissingCode } from '../../domain/figures/types';
import { applicableProfile, isBaseProfile, type ProfileScope, type ProfileShares } from '../../domain/profiles';

/**
 * The pure half of `metricsValues` (./company-values.ts): the rows its statements read, turned into each metric's
 * `CompanyYearValue` rows by year. Apart from the database so that it can be tested and timed alone (bench/).
 */

/** One row of the values statement. */
export interface ValueRow {
  /** The company's place in the set, by name: 1, 2, … */
  pos: number;
  id: string;
  name: string;
  /** The company's fiscal year-end month, which a calendar year's missing reason names (withCalendarOverlap). */
  fyEnd: number;
  /** Null, as the year, for a company with no stored row of any metric asked for in the range. */
  metric: Metric | null;
  /** Null for a company with no stored row in the range. */
  year: number | null;
  numerator: string | null;
  estimated: boolean;
  code: MissingCode | null;
  reason: string | null;
}

/** What the rows are of: the metrics, the years from `from` to `to`, the basis. */
export interface ValuesRange {
  metrics: readonly Metric[];
  from: number;
  to: number;
  basis: Basis;
}

export interface StoredProfile {
  scope: ProfileScope;
  fromYear: number | null;
  shares: ProfileShares;
  profile: ProfileUsed;
}

/** Shares chosen for one company and metric: the profile's, or the base's (no profile). */
export type Chosen = { shares: ProfileShares; profile: ProfileUsed | null };

/** A company's base shares and those of its other profiles that may apply. */
export type CompanyProfiles = { base: ProfileShares; others: StoredProfile[] };

/**
 * Where each row's shares come from: chosen by the database per company and metric (one year), or every profile
 * that may apply, chosen here year by year (a range).
 */
export type SharesSource =
  | { chosen: Map<Metric, Map<string, Chosen>>; profiles?: undefined }
  | { chosen?: undefined; profiles: Map<string, CompanyProfiles> };

/** The values by metric and year, as `metricsValues` returns them. */
export type ValuesByMetric = Map<Metric, Map<number, CompanyYearValue[]>>;

export const NO_SHARES: ProfileShares = Object.freeze({});

/**
 * Each metric's rows by year, every company of the set in every year in the statement's order (by name): its value
 * (the numerator / 12, `twelfthOf`), or why it has none; a year with no stored row is missing with the standard
 * reason, "no revenue for FY2024".
 */
export function valuesByMetric(rows: readonly ValueRow[], range: ValuesRange, source: SharesSource): ValuesByMetric {
  const { metrics } = range;
  const chosenOf = source.chosen ?? null;
  const profilesOf = source.profiles ?? null;
  const byMetric: ValuesByMetric = new Map();
  for (const metric of metrics) {
    const byYear = new Map<number, CompanyYearValue[]>();
    for (let year = range.from; year <= range.to; year++) byYear.set(year, []);
    byMetric.set(metric, byYear);
  }
  // The rows in no order, each with its company's place by name: one per stored metric and year, or one with neither.
  const ofCompany: ValueRow[][] = [];
  for (const r of rows) (ofCompany[r.pos - 1] ??= []).push(r);
  const stored = new Map(metrics.map((metric) => [metric, new Map<number, ValueRow>()]));
  for (const company of ofCompany) {
    const { id, name } = company[0]!;
    for (const ofMetric of stored.values()) ofMetric.clear();
    for (const r of company) if (r.metric !== null && r.year !== null) stored.get(r.metric)!.set(r.year, r);
    const profiles = profilesOf?.get(id);
    const base = profiles?.base ?? NO_SHARES;
    for (const metric of metrics) {
      const label = METRIC_LABELS[metric];
      const chosen = chosenOf ? chosenOf.get(metric)!.get(id) : undefined;
      const byYear = byMetric.get(metric)!;
      for (let year = range.from; year <= range.to; year++) {
        const r = stored.get(metric)!.get(year);
        // docs/data-contract.md §2: the shares of the profile that applies to this metric and year.
        const applies = profiles && profiles.others.length > 0 ? applicableProfile(profiles.others, metric, year) : null;
        const { shares, profile } =
          chosen ?? (applies && !isBaseProfile(applies) ? (applies as StoredProfile) : { shares: base, profile: null });
        byYear.get(year)!.push(
          r
            ? {
                id,
                name,
                shares,
                profile,
                value: r.numerator === null ? null : twelfthOf(r.numerator),
                estimated: r.numerator !== null && r.estimated,
                missing: r.code ? { code: r.code, reason: missingReason(r, range) } : null,
              }
            : {
                id,
                name,
                shares,
                profile,
                value: null,
                estimated: false,
                missing: { code: 'no_figure', reason: `no ${label} for FY${year}` },
              },
        );
      }
    }
  }
  return byMetric;
}

/** A stored row's reason; a calendar year's reason naming the next fiscal year says how much of it overlaps. */
function missingReason(r: ValueRow, range: ValuesRange): string {
  const reason = r.reason ?? '';
  return range.basis === 'calendar' && r.code === 'no_figure' ? withCalendarOverlap(reason, r.fyEnd, r.year!) : reason;
}
