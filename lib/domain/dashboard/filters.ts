import { METRICS, type Metric } from '../figures/types';
import { flatSearch, type SearchParams } from '../search-params';
import { isYear } from '../year-range';

/**
 * The dashboard's state, all of it in the URL so a link reproduces the view exactly (issue 6). The server page
 * and the client filter bar parse it with this one module; a bad value falls back to its default rather than
 * failing the page. It is read without a schema library, so the dashboard's JavaScript carries none: the rules are
 * those of a zod schema (coercion with Number, trimmed text of 1–100 characters), pinned by filters.test.ts.
 */
export interface DashboardFilters {
  /** Absent: the default year (docs/data-contract.md §8), resolved on the server. */
  year?: number;
  metric: Metric;
  basis: 'calendar' | 'fiscal';
  list?: string;
  status?: 'public' | 'private';
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  estimates: 'include' | 'exclude';
  /** The required-revenue gap's assumptions (docs/data-contract.md §5): 0 < g ≤ 1, 0 ≤ m < 1. */
  g: number;
  m: number;
  chipsList?: string;
  /** The time charts sum only the companies with a value in every plotted year (`likeForLike=1`). */
  likeForLike?: true;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  (values as readonly (string | undefined)[]).includes(value) ? (value as T) : undefined;

/** A list name: trimmed, 1–100 characters. */
function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= 100 ? trimmed : undefined;
}

/** A number as `Number()` reads it (so " 0.25" and "2.5e-1" count), when finite and within `accept`. */
function numberIn(value: string | undefined, accept: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && accept(n) ? n : undefined;
}

/** The filters with the year settled: the URL's, or the default year the server found. */
export type ResolvedFilters = DashboardFilters & { year: number };

/** Defaults are left out of the URL, so the plain dashboard link stays plain. */
const DEFAULTS: Partial<Record<keyof DashboardFilters, string | number>> = {
  metric: 'revenue',
  basis: 'calendar',
  estimates: 'include',
  g: 0.5,
  m: 0.5,
};

const ORDER: (keyof DashboardFilters)[] = [
  'year',
  'metric',
  'basis',
  'list',
  'status',
  'country',
  'estimates',
  'g',
  'm',
  'chipsList',
  'likeForLike',
];

export function parseDashboardFilters(search: SearchParams | URLSearchParams): DashboardFilters {
  const flat = flatSearch(search);
  const country = flat.country?.trim().toUpperCase();
  const filters: DashboardFilters = {
    year: numberIn(flat.year, isYear),
    metric: oneOf(METRICS, flat.metric) ?? 'revenue',
    basis: oneOf(['calendar', 'fiscal'] as const, flat.basis) ?? 'calendar',
    list: text(flat.list),
    status: oneOf(['public', 'private'] as const, flat.status),
    country: country !== undefined && /^[A-Z]{2}$/.test(country) ? country : undefined,
    estimates: oneOf(['include', 'exclude'] as const, flat.estimates) ?? 'include',
    g: numberIn(flat.g, (n) => n > 0 && n <= 1) ?? 0.5,
    m: numberIn(flat.m, (n) => n >= 0 && n < 1) ?? 0.5,
    chipsList: text(flat.chipsList),
    likeForLike: flat.likeForLike === '1' ? true : undefined,
  };
  // Absent keys stay absent, as a schema's output leaves them.
  for (const key of Object.keys(filters) as (keyof DashboardFilters)[]) if (filters[key] === undefined) delete filters[key];
  return filters;
}

export function dashboardFiltersToSearch(filters: Partial<DashboardFilters>): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value !== undefined && value !== DEFAULTS[key]) params.set(key, value === true ? '1' : String(value));
  }
  return params.toString();
}
