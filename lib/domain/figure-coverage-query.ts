import { z } from 'zod';
import { METRICS } from './figures/types';
import { parseSearchLeniently, type SearchParams } from './search-params';
import { yearSchema } from './years';

/** Which companies of the set the figures page lists: all, those without a value, or those with one. */
export const COVERAGE_SHOWS = ['all', 'missing', 'present'] as const;

/**
 * The figures page's query, as it lives in the URL: one fiscal year and metric for a set of companies (all of
 * them, or one list's), optionally narrowed by a name or ticker search. Blank text is no filter.
 */
export const figureCoverageQuerySchema = z.object({
  year: yearSchema,
  metric: z.enum(METRICS).default('revenue'),
  list: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
  show: z.enum(COVERAGE_SHOWS).default('all'),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
});
export type FigureCoverageQuery = z.output<typeof figureCoverageQuerySchema>;

const searchSchema = figureCoverageQuerySchema.partial({ year: true });
export type FigureCoverageSearch = z.output<typeof searchSchema>;

/**
 * Reads the query from URL search params leniently: a bad value falls back to its default instead of failing.
 * The year may be absent; the page then picks the default year for the metric.
 */
export function figureCoverageQueryFromSearch(params: SearchParams): FigureCoverageSearch {
  return parseSearchLeniently(searchSchema, params);
}
