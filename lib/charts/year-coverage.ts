import { isThinCoverage } from '../domain/analytics/coverage';
import type { LikeForLike } from '../domain/analytics/like-for-like';
import type { Coverage } from '../domain/analytics/types';
import type { LegendEntry } from '../export/memo-svg';
import { PALETTE } from './palette';

/** One year of a time chart: how many of the set reported, and whether that is under the coverage threshold. */
export interface YearCoverage {
  year: number;
  included: number;
  /** The set: included and missing. */
  of: number;
  /** Under 80% reported: the chart fades the year and marks it `data-coverage="low"`. */
  low: boolean;
}

export function yearCoverage(year: number, { included, missingCount }: Coverage): YearCoverage {
  return { year, included, of: included + missingCount, low: isThinCoverage(included, missingCount) };
}

const companies = (n: number) => `${n} ${n === 1 ? 'company' : 'companies'}`;

/** "2025: 12 of 41 companies reported": the tooltip's reason for a faded year. */
export function yearCoverageReason({ year, included, of }: YearCoverage): string {
  return `${year}: ${included} of ${companies(of)} reported`;
}

/**
 * Each year's coverage for a footer, short: consecutive years at or above the threshold (of one set size) as a
 * range, "2019–2024: 36–41 of 41", and each year under it on its own, "2025: 12 of 41".
 */
export function yearCoverageSummary(years: readonly YearCoverage[]): string {
  const runs: YearCoverage[][] = [];
  for (const y of years) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && !y.low && !last.low && last.of === y.of && last.year === y.year - 1) run.push(y);
    else runs.push([y]);
  }
  return runs
    .map((run) => {
      const first = run[0]!;
      const last = run.at(-1)!;
      const counts = run.map((y) => y.included);
      const [low, high] = [Math.min(...counts), Math.max(...counts)];
      const span = first.year === last.year ? String(first.year) : `${first.year}–${last.year}`;
      return `${span}: ${low === high ? low : `${low}–${high}`} of ${first.of}`;
    })
    .join(', ');
}

/** What a time chart says about its faded years or its like-for-like set, on the card and in its exports. */
export interface TimeCoverageMarks {
  /** A sentence for the chart's note; null when every year is covered. */
  note: string | null;
  legend: LegendEntry[];
  /** The footer's coverage. */
  yearCoverage: string;
}

/** The legend entry of a faded year, for the memo (the screen's tooltip and note say it). */
export const LOW_COVERAGE_LEGEND: LegendEntry = {
  label: 'Faded: under 80% of companies reported',
  colour: PALETTE.greyed,
};

/** "2025 (12 of 41 reported), under 80%, so not comparable …": the years under the threshold, for a note. */
const lowYearsText = (low: readonly YearCoverage[], offersLikeForLike: boolean) =>
  `${low.map((y) => `${y.year} (${y.included} of ${y.of} reported)`).join(', ')}, under 80%, so not comparable with the other years${offersLikeForLike ? '; Like-for-like compares the same companies' : ''}.`;

/**
 * The note, legend and footer of a time chart from each plotted year's coverage: the faded years named with their
 * counts, or in like-for-like how many companies every year sums (`kept`, `of`), described by `who`; the note points
 * to the Like-for-like switch where the chart has one.
 */
export function timeCoverageMarks(
  years: readonly YearCoverage[],
  likeForLike: LikeForLike | undefined,
  who: string,
  { offersLikeForLike = true }: { offersLikeForLike?: boolean } = {},
): TimeCoverageMarks {
  if (likeForLike) {
    const text = `Like-for-like: the ${likeForLike.companies} of ${companies(likeForLike.of)} ${who}`;
    return { note: `${text}; each year sums the same companies.`, legend: [], yearCoverage: text };
  }
  const low = years.filter((y) => y.low);
  return {
    note: low.length ? `Faded: ${lowYearsText(low, offersLikeForLike)}` : null,
    legend: low.length ? [LOW_COVERAGE_LEGEND] : [],
    yearCoverage: `Companies reported: ${yearCoverageSummary(years)}`,
  };
}
