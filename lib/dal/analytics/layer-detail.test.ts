import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/v1/analytics/layers/[key]/route';
import { layersQuerySchema } from '@/lib/analytics/schema';
import type { Actor } from '@/lib/domain/actor';
import type { LayerKey } from '@/lib/domain/layers';
import { ForbiddenError, RuleError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { loadSmallStack } from '@/lib/testing/small-stack';
import { layerDetailAnalytics } from './layer-detail';
import { importCompaniesCsv } from '../company-csv';
import { importExposuresCsv } from '../exposure-csv';
import { importFiguresCsv } from '../figure-csv';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';

const COMPANIES_HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description';
const EXPOSURES_HEADER = 'company,scope,from_year,infrastructure,chips,data,models,execution,application,outside';
const FIGURES_HEADER = 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note';

// The route's wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const quiet = { id: expect.any(String), estimated: false };
const emptyYear = (year: number) => ({ year, value: 0, growth: null, companies: 0, missing: 3, estimated: false });

describe.each(TEST_DRIVERS)('layer detail analytics on %s', (driver) => {
  useFreshDatabase(driver);
  let viewer: Actor;
  beforeAll(async () => {
    await loadSmallStack();
    viewer = await makeUser('viewer');
  });

  /** The query string as the route parses it, then the data layer. */
  const detail = (layer: LayerKey, search: Record<string, string>, actor = viewer) =>
    layerDetailAnalytics({ actor }, { ...layersQuerySchema.parse(search), layer });

  it('answers the chips layer with hand-computed companies, growth, coverage and eight years of its pool', async () => {
    const answer = await detail('chips', { year: '2024' });
    // Jan Co: CY2024 = (120 × 1 + 240 × 11) / 12 = 230, half in chips = 115, estimated; Chipco 100. Pool 215.
    expect(answer).toMatchObject({
      year: 2024,
      metric: 'revenue',
      basis: 'calendar',
      currency: 'USD',
      key: 'chips',
      name: 'Chips',
      value: 215,
      // Like-for-like: only Chipco has revenue in 2023 and 2024 (80 → 100); Jan Co has no FY2023.
      growth: 0.25,
      estimated: true,
    });
    expect(answer.companies).toEqual([
      {
        id: expect.any(String),
        name: 'Jan Co',
        layerShare: 0.5,
        value: 115,
        shareOfLayer: 115 / 215,
        growth: null,
        estimated: true,
      },
      { ...quiet, name: 'Chipco', layerShare: 1, value: 100, shareOfLayer: 100 / 215, growth: 0.25 },
    ]);
    // The layer's own coverage: Gap Co (application) is not a chips company.
    expect(answer.coverage).toEqual({
      included: 2,
      missing: [{ id: expect.any(String), name: 'Taiwan Fab', code: 'no_fx_rate', reason: 'no TWD rate for 2024' }],
      missingCount: 1,
    });
    expect(answer.series).toEqual([
      ...[2017, 2018, 2019, 2020, 2021, 2022].map(emptyYear),
      // 2023: Chipco alone; Jan Co lacks FY2023, Taiwan Fab has no FY2023 figure. No growth over an empty 2022.
      { year: 2023, value: 80, growth: null, companies: 1, missing: 2, estimated: false },
      { year: 2024, value: 215, growth: 0.25, companies: 2, missing: 1, estimated: true },
    ]);
  });

  it('shows a loss-making layer: operating income, no share of a negative pool', async () => {
    const answer = await detail('application', { year: '2024', metric: 'operating_income' });
    // Hyper's application part of −100 is −20; Euro App and Gap Co have no operating income.
    expect(answer).toMatchObject({ value: -20, growth: null, estimated: false });
    expect(answer.companies).toEqual([
      { ...quiet, name: 'Hyper', layerShare: 0.2, value: -20, shareOfLayer: null, growth: null },
    ]);
    expect(answer.coverage.missing.map((m) => [m.name, m.reason])).toEqual([
      ['Euro App', 'no operating income for FY2024'],
      ['Gap Co', 'no operating income for FY2024'],
    ]);
  });

  it('applies the filters: list, estimates, basis', async () => {
    const portfolio = await detail('application', { year: '2024', list: 'PORTFOLIO' });
    // Hyper alone: 0.2 × 1000 = 200, from 0.2 × 800 = 160.
    expect(portfolio).toMatchObject({ value: 200, growth: 0.25, coverage: { included: 1, missing: [] } });
    expect(portfolio.companies.map((c) => [c.name, c.shareOfLayer])).toEqual([['Hyper', 1]]);

    const reported = await detail('chips', { year: '2024', estimates: 'exclude' });
    expect(reported).toMatchObject({ value: 100, estimated: false });
    expect(reported.coverage.missing.map((m) => [m.name, m.reason])).toEqual([
      ['Jan Co', 'only estimates of revenue for FY2025, whose first 11 months fall in 2024'],
      ['Taiwan Fab', 'no TWD rate for 2024'],
    ]);

    // Fiscal: Jan Co's FY2024 is 120, so 60 in chips.
    const fiscal = await detail('chips', { year: '2024', basis: 'fiscal' });
    expect(fiscal.companies.map((c) => [c.name, c.value])).toEqual([
      ['Chipco', 100],
      ['Jan Co', 60],
    ]);
    expect(fiscal.value).toBe(160);

    // The series stops at the first year analytics answer for.
    expect((await detail('chips', { year: '1990' })).series).toEqual([emptyYear(1990)]);
  });

  it('lists a company that is in the layer only through a profile of the metric', async () => {
    // Its base puts everything outside the stack; its capex profile puts capex in infrastructure.
    const system = { actor: SYSTEM_ACTOR };
    await importCompaniesCsv(system, {
      text: `${COMPANIES_HEADER}\nCapex Only,,US,public,12,Profiled,,,,,,,1,USD,,`,
      dryRun: false,
    });
    await importExposuresCsv(system, { text: `${EXPOSURES_HEADER}\nCapex Only,capex,,1,,,,,,`, dryRun: false });
    await importFiguresCsv(system, { text: `${FIGURES_HEADER}\nCapex Only,2024,,capex,,50,,,`, dryRun: false });
    const answer = await detail('infrastructure', { year: '2024', metric: 'capex', list: 'Profiled' });
    expect(answer).toMatchObject({ value: 50, coverage: { included: 1, missing: [] } });
    expect(answer.companies).toEqual([
      expect.objectContaining({ name: 'Capex Only', layerShare: 1, value: 50, profile: { scope: 'capex', fromYear: null } }),
    ]);
    expect((await detail('infrastructure', { year: '2024', list: 'Profiled' })).companies).toEqual([]);
  });

  it('refuses an unknown list and a user without a role', async () => {
    await expect(detail('chips', { year: '2024', list: 'Nope' })).rejects.toBeInstanceOf(RuleError);
    const nobody = { ...viewer, role: 'none' as never };
    await expect(detail('chips', { year: '2024' }, nobody)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('is served by GET /api/v1/analytics/layers/{key}', async () => {
    const get = (key: string, query: string) =>
      GET(new NextRequest(`http://localhost/api/v1/analytics/layers/${key}${query}`), { params: Promise.resolve({ key }) });
    session.actor = viewer;
    const ok = await get('models', '?year=2024');
    expect(ok.status).toBe(200);
    // Jan Co's other half: 115.
    expect(await ok.json()).toMatchObject({ key: 'models', value: 115, companies: [{ name: 'Jan Co', value: 115 }] });
    expect((await get('robots', '?year=2024')).status).toBe(404);
    const missingYear = await get('chips', '');
    expect(missingYear.status).toBe(422);
    expect(JSON.stringify(await missingYear.json())).toContain('Give year');
    expect((await get('chips', '?year=2024&metric=profit')).status).toBe(422);
    session.actor = null;
    expect((await get('chips', '?year=2024')).status).toBe(401);
  });
});
