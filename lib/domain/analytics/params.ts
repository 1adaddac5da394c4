import { z } from 'zod';
import { METRICS } from '../figures/types';

/** A blank query value (`?list=`) means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const year = z.coerce
  .number('Use a year such as 2024.')
  .int('Use a whole year.')
  .min(1990, 'Use a year from 1990 to 2100.')
  .max(2100, 'Use a year from 1990 to 2100.');

/** The longest range a series answers at once. */
export const MAX_SERIES_YEARS = 50;

/** The analytics parameters every endpoint shares (SPEC §7). */
export const analyticsParamsSchema = z.object({
  year: optional(year),
  from: optional(year),
  to: optional(year),
  metric: z.enum(METRICS, `metric is one of ${METRICS.join(', ')}.`).default('revenue'),
  basis: z.enum(['calendar', 'fiscal'], 'basis is calendar or fiscal.').default('calendar'),
  list: optional(z.string().trim().max(100, 'A list name has at most 100 characters.')),
  status: optional(z.enum(['public', 'private'], 'status is public or private.')),
  country: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'country is an ISO 3166-1 alpha-2 code such as US.'),
  ),
  estimates: z.enum(['include', 'exclude'], 'estimates is include or exclude.').default('include'),
});
export type AnalyticsParams = z.infer<typeof analyticsParamsSchema>;

/** Endpoints of one year (`/layers`, `/profitability`): `year` is required. */
export const oneYearParamsSchema = analyticsParamsSchema.refine((p) => p.year !== undefined, {
  path: ['year'],
  message: 'Give year, e.g. year=2024.',
});

/** `/series`: a range `from`–`to` (or one `year`), at most MAX_SERIES_YEARS long. */
export const rangeParamsSchema = analyticsParamsSchema
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

/** `/gap`: a year or a range, plus the model's assumptions (SPEC §5). */
export const gapParamsSchema = z
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
    chipsList: optional(z.string().trim().max(100, 'A list name has at most 100 characters.')),
  })
  .and(rangeParamsSchema);

/** The years a range query covers. */
export function yearsOf(p: Pick<AnalyticsParams, 'year' | 'from' | 'to'>): { from: number; to: number } {
  if (p.from !== undefined && p.to !== undefined) return { from: p.from, to: p.to };
  return { from: p.year!, to: p.year! };
}
