import { z } from 'zod';
import { METRICS } from '../figures/types';
import { flatSearch, type SearchParams } from '../search-params';
import { yearSchema } from '../years';

/**
 * The dashboard's state, all of it in the URL so a link reproduces the view exactly (issue 6). The server page
 * and the client filter bar parse it with this one module; a bad value falls back to its default rather than
 * failing the page.
 */

const text = z.string().trim().min(1).max(100);

export const dashboardFiltersSchema = z.object({
  /** Absent: the default year (docs/data-contract.md §8), resolved on the server. */
  year: yearSchema.optional().catch(undefined),
  metric: z.enum(METRICS).default('revenue').catch('revenue'),
  basis: z.enum(['calendar', 'fiscal']).default('calendar').catch('calendar'),
  list: text.optional().catch(undefined),
  status: z.enum(['public', 'private']).optional().catch(undefined),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  estimates: z.enum(['include', 'exclude']).default('include').catch('include'),
  /** The required-revenue gap's assumptions (docs/data-contract.md §5). */
  g: z.coerce.number().gt(0).max(1).default(0.5).catch(0.5),
  m: z.coerce.number().min(0).lt(1).default(0.5).catch(0.5),
  chipsList: text.optional().catch(undefined),
});
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

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
];

export function parseDashboardFilters(search: SearchParams | URLSearchParams): DashboardFilters {
  return dashboardFiltersSchema.parse(flatSearch(search));
}

export function dashboardFiltersToSearch(filters: Partial<DashboardFilters>): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value !== undefined && value !== DEFAULTS[key]) params.set(key, String(value));
  }
  return params.toString();
}
