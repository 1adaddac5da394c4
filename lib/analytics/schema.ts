/**
 * The analytics resource (docs/data-contract.md §5, §7): the parameters every analytics answer takes, parsed once at
 * an edge (a route's query string, the CLI's flags) into the typed queries of ./query.ts, which this module
 * re-exports with the shapes of the answers. Client code takes them from ./query.ts, which has no parser: the query
 * factory builds its keys and paths from the same typed queries the server prefetch passes to the data layer.
 */
import { z } from 'zod';
import { METRICS } from '../domain/figures/types';
import { LAYER_KEYS } from '../domain/layers';
import { yearSchema } from '../domain/years';
import {
  BASES,
  ESTIMATES_MODES,
  MAX_SERIES_YEARS,
  type AnalyticsScope,
  type FlowCellQuery,
  type FlowsQuery,
  type GapQuery,
  type LayersQuery,
  type ProfitabilityQuery,
  type SeriesQuery,
} from './query';

export * from './query';

/** A blank query value (`?list=`) means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const listName = z.string().trim().max(100, 'A list name has at most 100 characters.');

/** The parameters as the API takes them; the refinements below make the typed queries. */
export const analyticsParamsSchema = z.object({
  year: optional(yearSchema),
  from: optional(yearSchema),
  to: optional(yearSchema),
  metric: z.enum(METRICS, `metric is one of ${METRICS.join(', ')}.`).default('revenue'),
  basis: z.enum(BASES, 'basis is calendar or fiscal.').default('calendar'),
  list: optional(listName),
  status: optional(z.enum(['public', 'private'], 'status is public or private.')),
  country: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'country is an ISO 3166-1 alpha-2 code such as US.'),
  ),
  estimates: z.enum(ESTIMATES_MODES, 'estimates is include or exclude.').default('include'),
  missing: optional(z.enum(['all'], 'missing is all (every missing company named), or leave it out for the first 50.')),
});
type AnalyticsParams = z.output<typeof analyticsParamsSchema>;

function scopeOf(p: Omit<AnalyticsParams, 'from' | 'to'>): AnalyticsScope {
  return {
    basis: p.basis,
    estimates: p.estimates,
    ...(p.list !== undefined && { list: p.list }),
    ...(p.status !== undefined && { status: p.status }),
    ...(p.country !== undefined && { country: p.country }),
    ...(p.missing !== undefined && { missing: p.missing }),
  };
}

const requireYear = (p: AnalyticsParams) => p.year !== undefined;
const yearIssue = { path: ['year'], message: 'Give year, e.g. year=2024.' };

/** `/layers`: one year and one metric. */
export const layersQuerySchema = analyticsParamsSchema
  .refine(requireYear, yearIssue)
  .transform((p): LayersQuery => ({ ...scopeOf(p), year: p.year!, metric: p.metric }));

/** `/profitability`: one year; it reads all three metrics. */
export const profitabilityQuerySchema = analyticsParamsSchema
  .refine(requireYear, yearIssue)
  .transform((p): ProfitabilityQuery => ({ ...scopeOf(p), year: p.year! }));

/** `/flows`: one year, on the calendar basis whatever `basis` says (flows are calendar years). */
export const flowsQuerySchema = analyticsParamsSchema
  .refine(requireYear, yearIssue)
  .transform((p): FlowsQuery => ({ ...scopeOf(p), basis: 'calendar', year: p.year! }));

/**
 * `/flows/cell`: the flows' parameters and the cell, `from` (payer layer) and `to` (payee layer) in place of the
 * range's years.
 */
export const flowCellQuerySchema = analyticsParamsSchema
  .omit({ from: true, to: true })
  .extend({
    from: z.enum(LAYER_KEYS, `from is the payer layer: one of ${LAYER_KEYS.join(', ')}.`),
    to: z.enum(LAYER_KEYS, `to is the payee layer: one of ${LAYER_KEYS.join(', ')}.`),
  })
  .refine((p) => p.year !== undefined, yearIssue)
  .transform((p): FlowCellQuery => ({ ...scopeOf(p), basis: 'calendar', year: p.year!, from: p.from, to: p.to }));

/** `/layers/{key}`: the layer's key. */
export const layerKeySchema = z.enum(LAYER_KEYS);

const rangeParamsSchema = analyticsParamsSchema
  .extend({
    likeForLike: optional(
      z.enum(['0', '1'], 'likeForLike is 1 (only the companies with a value in every year) or 0.').transform((v) => v === '1'),
    ),
  })
  .refine((p) => p.year !== undefined || (p.from !== undefined && p.to !== undefined), {
    path: ['from'],
    message: 'Give from and to, e.g. from=2020&to=2025 (or one year).',
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, {
    path: ['to'],
    message: 'to must not be before from.',
  })
  .refine((p) => p.from === undefined || p.to === undefined || p.to - p.from < MAX_SERIES_YEARS, {
    path: ['to'],
    message: `Ask for at most ${MAX_SERIES_YEARS} years at once.`,
  });

/** A range `from`–`to`, or one `year` (from = to = year), and like-for-like when asked for (absent otherwise). */
function rangeOf(p: AnalyticsParams & { likeForLike?: boolean }): { from: number; to: number; likeForLike?: true } {
  const mode = p.likeForLike ? { likeForLike: true as const } : {};
  if (p.from !== undefined && p.to !== undefined) return { from: p.from, to: p.to, ...mode };
  return { from: p.year!, to: p.year!, ...mode };
}

/** `/series`: a range of years and one metric. */
export const seriesQuerySchema = rangeParamsSchema.transform((p): SeriesQuery => ({
  ...scopeOf(p),
  ...rangeOf(p),
  metric: p.metric,
}));

/** `/gap`: a range (or one year) and the assumptions. */
export const gapQuerySchema = z
  .object({
    g: z.coerce
      .number('g is a number.')
      .gt(0, 'g, the accelerators’ share of data-centre cost, is above 0 and at most 1.')
      .max(1, 'g, the accelerators’ share of data-centre cost, is above 0 and at most 1.')
      .default(0.5),
    m: z.coerce
      .number('m is a number.')
      .min(0, 'm, the application gross margin, is at least 0 and below 1.')
      .lt(1, 'm, the application gross margin, is at least 0 and below 1.')
      .default(0.5),
    chipsList: optional(listName),
  })
  .and(rangeParamsSchema)
  .transform((p): GapQuery => ({
    ...scopeOf(p),
    ...rangeOf(p),
    single: p.from === undefined && p.to === undefined,
    g: p.g,
    m: p.m,
    ...(p.chipsList !== undefined && { chipsList: p.chipsList }),
  }));
