import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyticsSearch,
  flowCellQuerySchema,
  flowsQuerySchema,
  gapQuerySchema,
  layersQuerySchema,
  profitabilityQuerySchema,
  seriesQuerySchema,
} from '../analytics/schema';
import { METRICS } from '../domain/figures/types';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { analyticsQueries } from './analytics';
import { dashboardQueries } from '../analytics/dashboard-queries';

const parseSearch = (search: string) => Object.fromEntries(new URLSearchParams(search));

const filtersArbitrary: fc.Arbitrary<ResolvedFilters> = fc.record(
  {
    year: fc.integer({ min: 1990, max: 2100 }),
    metric: fc.constantFrom(...METRICS),
    basis: fc.constantFrom('calendar' as const, 'fiscal' as const),
    list: fc.option(fc.constantFrom('Portfolio', 'Watch list', 'A&B=C?'), { nil: undefined }),
    status: fc.option(fc.constantFrom('public' as const, 'private' as const), { nil: undefined }),
    country: fc.option(fc.constantFrom('US', 'TW', 'FR'), { nil: undefined }),
    estimates: fc.constantFrom('include' as const, 'exclude' as const),
    g: fc.constantFrom(0.5, 0.4, 1, 0.125),
    m: fc.constantFrom(0.5, 0, 0.6, 0.999),
    chipsList: fc.option(fc.constantFrom('Accelerators', 'Portfolio'), { nil: undefined }),
    likeForLike: fc.option(fc.constant(true as const), { nil: undefined }),
  },
  { requiredKeys: ['year', 'metric', 'basis', 'estimates', 'g', 'm'] },
);

describe('the dashboard queries', () => {
  it('travel to the API and back unchanged: the browser asks the question the server prefetched', () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        const q = dashboardQueries(filters);
        expect(layersQuerySchema.parse(parseSearch(analyticsSearch(q.layers)))).toEqual(q.layers);
        expect(seriesQuerySchema.parse(parseSearch(analyticsSearch(q.series)))).toEqual(q.series);
        expect(profitabilityQuerySchema.parse(parseSearch(analyticsSearch(q.profitability)))).toEqual(q.profitability);
        expect(gapQuerySchema.parse(parseSearch(analyticsSearch(q.gap)))).toEqual(q.gap);
        expect(flowsQuerySchema.parse(parseSearch(analyticsSearch(q.flows)))).toEqual(q.flows);
        const cell = { ...q.flows, from: 'execution' as const, to: 'chips' as const };
        expect(flowCellQuerySchema.parse(parseSearch(analyticsSearch(cell)))).toEqual(cell);
      }),
    );
  });

  it('ask for eight years up to the selected one, and leave out what does not change an answer', () => {
    const q = dashboardQueries({
      year: 2024,
      metric: 'capex',
      basis: 'calendar',
      estimates: 'include',
      g: 0.5,
      m: 0.5,
      list: 'Portfolio',
    });
    expect(q.layers).toEqual({ year: 2024, metric: 'capex', basis: 'calendar', estimates: 'include', list: 'Portfolio' });
    expect(q.series).toMatchObject({ from: 2017, to: 2024, metric: 'capex' });
    // Profitability reads all three metrics: changing the metric filter must not refetch it.
    expect(q.profitability).toEqual({ year: 2024, basis: 'calendar', estimates: 'include', list: 'Portfolio' });
    expect(q.gap).toMatchObject({ from: 2017, to: 2024, single: false, g: 0.5, m: 0.5 });
    // Flows are calendar years whatever the basis filter says.
    expect(
      dashboardQueries({ year: 2024, metric: 'capex', basis: 'fiscal', estimates: 'include', g: 0.5, m: 0.5 }).flows,
    ).toEqual({
      year: 2024,
      basis: 'calendar',
      estimates: 'include',
    });
    expect(analyticsQueries.profitability(q.profitability).queryKey).toEqual(['analytics', 'profitability', q.profitability]);
  });

  it('send a one-year gap query as year=, so its answer keeps that year at the top level', () => {
    const single = gapQuerySchema.parse({ year: '2024' });
    expect(single).toMatchObject({ from: 2024, to: 2024, single: true });
    expect(analyticsSearch(single)).toBe('basis=calendar&estimates=include&g=0.5&m=0.5&year=2024');
    expect(gapQuerySchema.parse(parseSearch(analyticsSearch(single)))).toEqual(single);
  });
});
