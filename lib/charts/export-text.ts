import { countryName } from '../domain/countries';
import type { DashboardFilters } from '../domain/dashboard/filters';
import { memoSubtitle } from '../export/memo-text';

/** The subtitle of a chart's exports: what it plots, over which period, under which filters (and assumptions). */
export function filtersSubtitle(
  filters: DashboardFilters,
  { measure, period, assumptions }: { measure: string; period: string; assumptions?: readonly string[] },
): string {
  return memoSubtitle({
    measure,
    period,
    basis: filters.basis,
    list: filters.list,
    status: filters.status,
    country: filters.country && countryName(filters.country),
    estimates: filters.estimates,
    assumptions,
  });
}
