import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { flowsQuerySchema, layersQuerySchema } from '@/lib/analytics/schema';
import { companyFilterSchema } from '@/lib/companies/filter';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { ForbiddenError } from '@/lib/errors';
import { flowAnalytics, layerAnalytics } from './analytics';
import { layerDetailAnalytics } from './analytics/layer-detail';
import { listCompanies } from './companies';
import { loadDemoUniverse, loadDemoUniverseOnce, type DemoLoad } from './demo-universe';
import { exportFiguresCsv, importFiguresCsv } from './figure-csv';
import { listFigures } from './figures';
import { listFlows } from './flows';

const seed = (file: string) => readFileSync(path.join(process.cwd(), 'db', 'seed', 'ai-stack', file), 'utf8');
const system = { actor: SYSTEM_ACTOR };
const companiesOn = async (actor: Actor, filter: Record<string, unknown>) =>
  (await listCompanies({ actor }, companyFilterSchema.parse(filter))).items;

describe.each(TEST_DRIVERS)('the demo universe on %s', (driver) => {
  useFreshDatabase(driver);
  /** The demo start's load, into the suite's empty database; every test reads the universe it loaded. */
  let load: DemoLoad | null;
  beforeAll(async () => {
    load = await loadDemoUniverseOnce(system);
  });

  it('loads once through the importers with zero errors, with a sample Portfolio and Watchlist', async () => {
    await expect(loadDemoUniverseOnce({ actor: await makeUser('analyst') })).rejects.toBeInstanceOf(ForbiddenError);
    expect(load).toMatchObject({
      companies: { created: 41, updated: 0 },
      exposures: { created: 17, updated: 0 },
      fx: { created: 13 },
      figures: { created: 310, updated: 0, unchanged: 0 },
      flows: { created: 21, updated: 0, unchanged: 0 },
    });
    expect(
      load!.figures.warnings.some(
        (w) => w.message === 'TSMC: no TWD rate for 2024 yet, so this figure cannot be converted to USD for that year.',
      ),
    ).toBe(true);
    expect(await loadDemoUniverseOnce(system)).toBeNull();

    const viewer = await makeUser('viewer');
    const onList = async (list: string) => (await companiesOn(viewer, { list, limit: 100 })).map((c) => c.name);
    expect(await onList('Portfolio')).toHaveLength(10);
    expect(await onList('Watchlist')).toEqual(expect.arrayContaining(['OpenAI', 'Anthropic', 'Databricks']));
  });

  it('keeps the values of the files: spot checks against figures.csv', async () => {
    const viewer = await makeUser('viewer');
    const lines = seed('figures.csv').split(/\r?\n/);
    const [nvidia] = await companiesOn(viewer, { q: 'nvidia' });
    const nvidiaLine = lines.find((l) => l.startsWith('NVIDIA,2025,,revenue,reported,'))!.split(',');
    expect(nvidiaLine[5]).toBe('130497');
    expect(await listFigures({ actor: viewer }, { company: nvidia!.id, year: 2025, metric: 'revenue' })).toMatchObject([
      { kind: 'reported', value: nvidiaLine[5], currency: 'USD' },
    ]);
    const [tsmc] = await companiesOn(viewer, { q: 'tsmc' });
    const tsmcLine = lines.find((l) => l.startsWith('TSMC,2024,,revenue,'))!.split(',');
    expect((await listFigures({ actor: viewer }, { company: tsmc!.id, year: 2024, metric: 'revenue' }))[0]).toMatchObject({
      value: tsmcLine[5],
      currency: 'TWD',
    });
  });

  it('shows its gaps honestly: TSMC without a 2024 rate, xAI without figures', async () => {
    const query = layersQuerySchema.parse({ year: '2024', metric: 'revenue' });
    const { coverage } = await layerAnalytics({ actor: await makeUser('viewer') }, query);
    expect(coverage.missing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'TSMC', code: 'no_fx_rate', reason: 'no TWD rate for 2024' }),
        expect.objectContaining({ name: 'xAI', code: 'no_figure', reason: 'no revenue for FY2024' }),
      ]),
    );
  });

  it('puts the 2024 capex of the hyperscalers in Infrastructure, so most of the stack’s capex sits in Infrastructure and Chips', async () => {
    const query = layersQuerySchema.parse({ year: '2024', metric: 'capex' });
    const { layers, total } = await layerAnalytics({ actor: await makeUser('viewer') }, query);
    const pool = (key: string) => layers.find((l) => l.key === key)!.value;
    expect(pool('infrastructure') + pool('chips')).toBeGreaterThan(0.9 * total);
    expect(pool('application')).toBeLessThan(0.01 * total);
    const infrastructure = layers.find((l) => l.key === 'infrastructure')!.top.map((c) => c.name);
    expect(infrastructure).toEqual(expect.arrayContaining(['Amazon', 'Microsoft', 'Alphabet', 'Meta Platforms']));
  });

  it('splits NVIDIA’s revenue by the data-centre share of each fiscal year', async () => {
    const viewer = await makeUser('viewer');
    const chipsOf = async (year: string) => {
      const query = { ...layersQuerySchema.parse({ year, basis: 'fiscal' }), layer: 'chips' as const };
      const answer = await layerDetailAnalytics({ actor: viewer }, query);
      return answer.companies.find((c) => c.name === 'NVIDIA')!.value;
    };
    // FY2022: 10,613 of 26,914 was Data Center, 95% of it chips; FY2025: 115,186 of 130,497.
    expect(await chipsOf('2022')).toBeCloseTo(26914 * 0.3746, 0);
    expect(await chipsOf('2025')).toBeCloseTo(130497 * 0.8385, 0);
  });

  it('loads the flows, each with its source: Microsoft pays 62% of CoreWeave’s 2024 revenue, TSMC’s TWD flows wait for a rate', async () => {
    const viewer = await makeUser('viewer');
    const [coreweave] = await companiesOn(viewer, { q: 'coreweave' });
    const line = seed('flows.csv')
      .split(/\r?\n/)
      .find((l) => l.startsWith('Microsoft,execution,CoreWeave,execution,2024,'))!
      .split(',');
    expect(await listFlows({ actor: viewer }, { company: coreweave!.id, year: 2024 })).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          payerName: 'Microsoft',
          payerLayer: 'execution',
          kind: 'reported',
          value: line[6],
          currency: 'USD',
        }),
      ]),
    );
    const answer = await flowAnalytics({ actor: viewer }, flowsQuerySchema.parse({ year: '2024' }));
    expect(answer.top[0]).toMatchObject({ payer: { name: 'Microsoft' }, payee: { name: 'NVIDIA' }, value: 24795 });
    expect(answer.coverage.missing).toEqual([
      expect.objectContaining({
        payer: { id: expect.any(String), name: 'NVIDIA' },
        payee: expect.objectContaining({ name: 'TSMC' }),
        reason: 'no TWD rate for 2024',
      }),
    ]);
    // Known buyers of chips in 2024: Microsoft, Meta, Amazon, Alphabet and xAI → NVIDIA, and NVIDIA → SK hynix in KRW
    // (10,902,800 × 0.0007329040958); NVIDIA → TSMC has no rate.
    expect(answer.layers.find((l) => l.key === 'chips')!.inflow).toBe(56155.706776);
  });

  it('refuses a second load into a database with companies unless forced; forced, it changes nothing', async () => {
    await expect(loadDemoUniverse(system)).rejects.toThrow('The database already holds 41 companies');
    expect(await loadDemoUniverse(system, { force: true })).toMatchObject({
      companies: { created: 0, updated: 0, unchanged: 41 },
      exposures: { created: 0, updated: 0, unchanged: 17 },
      figures: { created: 0, updated: 0, unchanged: 310 },
      flows: { created: 0, updated: 0, unchanged: 21 },
    });
    const analyst = { actor: await makeUser('analyst') };
    expect(await importFiguresCsv(analyst, { text: await exportFiguresCsv(analyst), dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 310,
    });
  });
});
