import { assertUniqueIds, knownUnique } from '../../domain/analytics/pools';
import type { CompanyYearValue, ProfileUsed } from '../../domain/analytics/types';
import { withCalendarOverlap } from '../../domain/figures/calendar';
import { METRIC_LABELS, type Basis, type Metric, type MissingCode } from '../../domain/figures/types';
import type { ColumnsOf } from '../sql-helpers';
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

/** The columns of the values statement, in the order its packed rows hold them (`selectPacked`). */
export const VALUE_COLUMNS = [
  'pos',
  'id',
  'name',
  'fyEnd',
  'metric',
  'year',
  'numerator',
  'estimated',
  'code',
  'reason',
] as const;
export type ValueTuple = ColumnsOf<ValueRow, typeof VALUE_COLUMNS>;

/** A packed row of the values statement as a `ValueRow`: every row built alike, so all share one hidden class. */
export const valueRow = ([pos, id, name, fyEnd, metric, year, numerator, estimated, code, reason]: ValueTuple): ValueRow => ({
  pos,
  id,
  name,
  fyEnd,
  metric,
  year,
  numerator,
  estimated,
  code,
  reason,
});

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
 * as the stored numerator itself (`twelfths`, 12 × the value: aggregates divide by 12 once, for output), or why it
 * has none; a year with no stored row is missing with the standard reason, "no revenue for FY2024".
 */
export function valuesByMetric(rows: readonly ValueRow[], range: ValuesRange, source: SharesSource): ValuesByMetric {
  const { metrics, from, to } = range;
  const { companies, storedRow } = byPlace(rows, range);
  const byMetric: ValuesByMetric = new Map();
  // Per metric, each year's rows by the year's offset from `from`, filled company by company.
  const ofYears = metrics.map((metric) => {
    const ofYear = Array.from({ length: to - from + 1 }, (): CompanyYearValue[] => []);
    byMetric.set(metric, new Map(ofYear.map((yearRows, offset) => [from + offset, yearRows])));
    return ofYear;
  });
  for (let place = 0; place < companies.length; place++) {
    const { id, name } = companies[place]!;
    const profiles = source.profiles?.get(id);
    const base: Chosen = { shares: profiles?.base ?? NO_SHARES, profile: null };
    metrics.forEach((metric, m) => {
      const chosen = source.chosen?.get(metric)!.get(id);
      for (let year = from; year <= to; year++) {
        const { shares, profile } = chosen ?? profileFor(profiles, metric, year) ?? base;
        const r = storedRow(place, m, year);
        ofYears[m]![year - from]!.push({
          id,
          name,
          shares,
          profile,
          twelfths: r?.numerator ?? null,
          estimated: r?.numerator != null && r.estimated,
          missing: !r
            ? { code: 'no_figure', reason: `no ${METRIC_LABELS[metric]} for FY${year}` }
            : r.code
              ? { code: r.code, reason: missingReason(r, range) }
              : null,
        });
      }
    });
  }
  // Every metric's every year holds the same companies, one per place: checking one array checks them all.
  const [first, ...rest] = ofYears.flat();
  if (first) assertUniqueIds(first);
  rest.forEach(knownUnique);
  return byMetric;
}

/**
 * The statement's rows, which come in no order, by company place: one row naming each company (its place by name
 * is `pos`), and each stored row by company, metric (its index in `range.metrics`) and year.
 */
function byPlace(rows: readonly ValueRow[], { metrics, from, to }: ValuesRange) {
  let count = 0;
  for (const r of rows) count = Math.max(count, r.pos);
  const companies = new Array<ValueRow>(count);
  const years = to - from + 1;
  const slot = (place: number, m: number, year: number) => (place * metrics.length + m) * years + year - from;
  const stored = new Array<ValueRow | undefined>(count * metrics.length * years).fill(undefined);
  const metricIndex = new Map(metrics.map((metric, m) => [metric, m]));
  for (const r of rows) {
    companies[r.pos - 1] ??= r;
    if (r.metric !== null && r.year !== null) stored[slot(r.pos - 1, metricIndex.get(r.metric)!, r.year)] = r;
  }
  return { companies, storedRow: (place: number, m: number, year: number) => stored[slot(place, m, year)] };
}

/** docs/data-contract.md §2: the profile other than the base that applies to the metric and year, if any. */
function profileFor(profiles: CompanyProfiles | undefined, metric: Metric, year: number): StoredProfile | null {
  if (!profiles || profiles.others.length === 0) return null;
  const applies = applicableProfile(profiles.others, metric, year);
  return isBaseProfile(applies) ? null : (applies as StoredProfile);
}

/** A stored row's reason; a calendar year's reason naming the next fiscal year says how much of it overlaps. */
function missingReason(r: ValueRow, range: ValuesRange): string {
  const reason = r.reason ?? '';
  return range.basis === 'calendar' && r.code === 'no_figure' ? withCalendarOverlap(reason, r.fyEnd, r.year!) : reason;
}
