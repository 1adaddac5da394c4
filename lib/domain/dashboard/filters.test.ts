import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { METRICS } from '../figures/types';
import { flatSearch } from '../search-params';
import { yearSchema } from '../years';
import { dashboardFiltersToSearch, parseDashboardFilters } from './filters';

/**
 * The rules as the zod schema stated them before the dashboard's JavaScript dropped zod: the oracle the
 * hand-written reader must match on every input.
 */
const text = z.string().trim().min(1).max(100);
const oracle = z.object({
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
  g: z.coerce.number().gt(0).max(1).default(0.5).catch(0.5),
  m: z.coerce.number().min(0).lt(1).default(0.5).catch(0.5),
  chipsList: text.optional().catch(undefined),
  likeForLike: z
    .literal('1')
    .transform(() => true as const)
    .optional()
    .catch(undefined),
});

const KEYS = ['year', 'metric', 'basis', 'list', 'status', 'country', 'estimates', 'g', 'm', 'chipsList', 'likeForLike', 'other'];
const VALUES = [
  '2024',
  ' 2024 ',
  '2024.0',
  '2024.5',
  '1989',
  '2100',
  '2101',
  '0x7e8',
  '1e3',
  'Infinity',
  '-Infinity',
  'NaN',
  '0',
  '-0',
  '1',
  '0.5',
  ' .25 ',
  '2.5e-1',
  '0.9999',
  '1.0000001',
  '-0.1',
  'revenue',
  'capex',
  'operating_income',
  'Revenue',
  'calendar',
  'fiscal',
  'public',
  'private',
  'include',
  'exclude',
  'us',
  ' gb ',
  'USA',
  'u1',
  'Portfolio',
  '  Watch list  ',
  ' ',
  'x'.repeat(100),
  'x'.repeat(101),
  ` ${'y'.repeat(100)} `,
];

const search = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 8 })));

describe('parseDashboardFilters', () => {
  it('reads every URL as the zod schema did', () => {
    fc.assert(
      fc.property(search, (params) => {
        const url = new URLSearchParams(params);
        expect(parseDashboardFilters(url)).toEqual(oracle.parse(flatSearch(url)));
        expect(parseDashboardFilters(params)).toEqual(oracle.parse(flatSearch(params)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('fills the defaults and leaves absent keys out', () => {
    expect(parseDashboardFilters(new URLSearchParams(''))).toStrictEqual({
      metric: 'revenue',
      basis: 'calendar',
      estimates: 'include',
      g: 0.5,
      m: 0.5,
    });
    expect(parseDashboardFilters({ year: '2023', country: ' nl ', list: ' Portfolio ', g: '1', m: '0' })).toStrictEqual({
      year: 2023,
      metric: 'revenue',
      basis: 'calendar',
      list: 'Portfolio',
      country: 'NL',
      estimates: 'include',
      g: 1,
      m: 0,
    });
  });

  it('round-trips through the URL it writes', () => {
    fc.assert(
      fc.property(search, (params) => {
        const filters = parseDashboardFilters(new URLSearchParams(params));
        // -0 is written as "0".
        const written = { ...filters, g: filters.g + 0, m: filters.m + 0 };
        expect(parseDashboardFilters(new URLSearchParams(dashboardFiltersToSearch(filters)))).toEqual(written);
      }),
      { numRuns: 500 },
    );
  });
});
