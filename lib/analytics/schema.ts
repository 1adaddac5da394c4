import { z } from 'zod';
import type { Coverage, LayersAggregate, Profitability, RequiredRevenueGap } from '../domain/analytics';
import type { LayerDetail } from '../domain/analytics/layer-detail';
import { METRICS, type Metric } from '../domain/figures/types';
import { LAYER_KEYS, type LayerKey } from '../domain/layers';
import { yearSchema } from '../domain/years';

/**
 * The analytics resource (docs/data-contract.md §5, §7): the parameters every analytics answer takes, parsed once at
 * an edge (a route's query string, the dashboard's URL, the CLI's flags) into the typed queries below, and the
 * shapes of the answers. Client code imports this module: the query factory builds its keys and paths from the
 * same typed queries the server prefetch passes to the data layer.
 */

/** A blank query value (`?list=`) means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** How many years the over-time charts and a layer page's pool chart look back from the selected year. */
export const SERIES_YEARS = 8;

/** The longest range a series answers at once. */
export const MAX_SERIES_YEARS = 50;

export const BASES = ['calendar', 'fiscal'] as const;
export type Basis = (typeof BASES)[number];
export const ESTIMATES_MODES = ['include', 'exclude'] as const;
export type EstimatesMode = (typeof ESTIMATES_MODES)[number];

const listName = z.string().trim().max(100, 'A list name has at most 100 characters.');

/** Which companies are analysed and how their values are read: shared by every analytics answer. */
export interface AnalyticsScope {
  basis: Basis;
  estimates: EstimatesMode;
  list?: string;
  status?: 'public' | 'private';
  country?: string;
}

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
});
type AnalyticsParams = z.output<typeof analyticsParamsSchema>;

function scopeOf(p: AnalyticsParams): AnalyticsScope {
  return {
    basis: p.basis,
    estimates: p.estimates,
    ...(p.list !== undefined && { list: p.list }),
    ...(p.status !== undefined && { status: p.status }),
    ...(p.country !== undefined && { country: p.country }),
  };
}

const requireYear = (p: AnalyticsParams) => p.year !== undefined;
const yearIssue = { path: ['year'], message: 'Give year, e.g. year=2024.' };

/** `/layers`: one year and one metric. */
export type LayersQuery = AnalyticsScope & { year: number; metric: Metric };
export const layersQuerySchema = analyticsParamsSchema
  .refine(requireYear, yearIssue)
  .transform((p): LayersQuery => ({ ...scopeOf(p), year: p.year!, metric: p.metric }));

/** `/profitability`: one year; it reads all three metrics. */
export type ProfitabilityQuery = AnalyticsScope & { year: number };
export const profitabilityQuerySchema = analyticsParamsSchema
  .refine(requireYear, yearIssue)
  .transform((p): ProfitabilityQuery => ({ ...scopeOf(p), year: p.year! }));

/** `/layers/{key}`: one layer, one year and one metric (the key comes from the path). */
export type LayerDetailQuery = LayersQuery & { layer: LayerKey };
export const layerKeySchema = z.enum(LAYER_KEYS);

const rangeParamsSchema = analyticsParamsSchema
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

/** A range `from`–`to`, or one `year` (from = to = year). */
function rangeOf(p: AnalyticsParams): { from: number; to: number } {
  if (p.from !== undefined && p.to !== undefined) return { from: p.from, to: p.to };
  return { from: p.year!, to: p.year! };
}

/** `/series`: a range of years and one metric. */
export type SeriesQuery = AnalyticsScope & { from: number; to: number; metric: Metric };
export const seriesQuerySchema = rangeParamsSchema.transform((p): SeriesQuery => ({
  ...scopeOf(p),
  ...rangeOf(p),
  metric: p.metric,
}));

/** `/gap`: a range (or one year, then the answer repeats that year's fields at its top level) and the assumptions. */
export type GapQuery = AnalyticsScope & {
  from: number;
  to: number;
  /** Asked for one year (`year=`) rather than a range. */
  single: boolean;
  g: number;
  m: number;
  chipsList?: string;
};
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

/** The set whose default year is searched (docs/data-contract.md §8): only the set filters count. */
export type DefaultYearQuery = Pick<AnalyticsScope, 'list' | 'status' | 'country'>;

/**
 * A typed query back as the API's query string: what the browser sends for the answer the server prefetched with
 * the same query. Parsing it with the query's schema gives the query back (pinned by a test).
 */
export function analyticsSearch(query: LayersQuery | LayerDetailQuery | ProfitabilityQuery | SeriesQuery | GapQuery): string {
  // The layer of a detail query travels in the path; a one-year gap query is sent as `year`, so its answer keeps
  // that year's fields at the top level.
  const { single, from, to, layer: _layer, ...rest } = query as Partial<GapQuery & LayerDetailQuery> & Record<string, unknown>;
  const fields: Record<string, unknown> = single ? { ...rest, year: from } : { ...rest, from, to };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.set(key, String(value));
  params.sort();
  return params.toString();
}

// ---- Answers (docs/data-contract.md §7). Money is USD millions rounded to 6 decimals; ratios are unrounded.

interface AnswerHead {
  basis: Basis;
  currency: 'USD';
  /**
   * When the data this answer comes from was last written (ISO 8601): the data version's time (docs/architecture.md,
   * "The data version and the analytics cache"). Two answers with the same `asOf` come from the same data.
   */
  asOf: string;
}

export type LayersAnswer = AnswerHead & { year: number; metric: Metric } & LayersAggregate;

export interface SeriesYear {
  year: number;
  total: number;
  estimated: boolean;
  /** Like-for-like growth of the total over the year before; null when that year has no comparable pool. */
  growth: number | null;
  layers: { key: LayerKey; value: number; growth: number | null }[];
  coverage: Coverage;
}
export type SeriesAnswer = AnswerHead & { metric: Metric; years: SeriesYear[] };

export type ProfitabilityAnswer = AnswerHead & { year: number } & Profitability;

export type GapYear = { year: number } & RequiredRevenueGap;
export type GapAnswer = AnswerHead & { g: number; m: number; years: GapYear[] } & Partial<GapYear>;

export interface LayerDetailYear {
  year: number;
  value: number;
  growth: number | null;
  /** How many of the layer's companies have a value that year, and how many do not. */
  companies: number;
  missing: number;
  estimated: boolean;
}
export type LayerDetailAnswer = AnswerHead & { year: number; metric: Metric } & LayerDetail & { series: LayerDetailYear[] };
