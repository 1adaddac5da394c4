import { z } from 'zod';
import { LAYER_KEYS } from '../domain/layers';
import { parseSearchLeniently, type SearchParams } from '../domain/search-params';
import { COMPANY_STATUSES } from './schema';

/**
 * The companies table's filters, sort and page, as they live in the URL and in the API's query string. One
 * schema for the page, the API and the export, so a link reproduces a view exactly.
 */
export const COMPANY_SORTS = ['name', 'ticker', 'country', 'status', 'primary', 'updated'] as const;

export const companyFilterSchema = z.object({
  q: z.string().trim().max(200).optional(),
  layer: z.enum(LAYER_KEYS).optional(),
  /** `any`: a share above zero in the layer; `primary`: the layer is the company's largest share. */
  layerMode: z.enum(['any', 'primary']).default('any'),
  list: z.string().trim().max(60).optional(),
  status: z.enum(COMPANY_STATUSES).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code.')
    .optional(),
  /** `exclude` (default) hides archived companies; `include` shows all; `only` shows just the archived. */
  archived: z
    .enum(['exclude', 'include', 'only', 'true', 'false', '1', '0'])
    .default('exclude')
    .transform((v) => (v === 'true' || v === '1' ? 'include' : v === 'false' || v === '0' ? 'exclude' : v)),
  sort: z.enum(COMPANY_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type CompanyFilter = z.output<typeof companyFilterSchema>;

/** Reads filters from URL search params leniently: a bad value falls back to its default instead of failing. */
export function companyFilterFromSearch(params: SearchParams): CompanyFilter {
  return parseSearchLeniently(companyFilterSchema, params);
}

/** The URL query of a filter, without defaults, so links stay short. */
export function companyFilterToSearch(filter: Partial<CompanyFilter>): string {
  const defaults = companyFilterSchema.parse({});
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '') continue;
    if (defaults[key as keyof CompanyFilter] === value) continue;
    params.set(key, String(value));
  }
  return params.toString();
}
