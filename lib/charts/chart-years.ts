import { SERIES_YEARS } from '@/lib/analytics/query';

/** "2019–2026", or "2026" for a single year. */
function yearSpan(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

/**
 * The years from the first that has any data: a range that starts before the first figure would otherwise open
 * on empty years that read like growth from zero. Later empty years stay, so a gap in the data shows.
 */
export function fromFirstYearWithData<T>(years: readonly T[], hasData: (year: T) => boolean): T[] {
  const first = years.findIndex(hasData);
  return first === -1 ? [] : years.slice(first);
}

/** The span of the plotted years, or of the SERIES_YEARS years asked for when nothing is plotted. */
export function plottedSpan(years: readonly { year: number }[], selectedYear: number): string {
  const first = years[0];
  const last = years.at(-1);
  return first && last ? yearSpan(first.year, last.year) : yearSpan(selectedYear - SERIES_YEARS + 1, selectedYear);
}

export const yearAxisLabel = (basis: 'calendar' | 'fiscal') => (basis === 'fiscal' ? 'Fiscal year' : 'Calendar year');
