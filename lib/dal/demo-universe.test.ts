import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { companyFilterSchema } from '@/lib/domain/company-filter';
import { ForbiddenError } from '@/lib/errors';
import { layerAnalytics } from './analytics';
import { listCompanies } from './companies';
import { loadDemoUniverse, loadDemoUniverseOnce } from './demo-universe';
import { exportFiguresCsv, importFiguresCsv } from './figure-csv';
import { listFigures } from './figures';

const seed = (file: string) => readFileSync(path.join(process.cwd(), 'db', 'seed', 'ai-stack', file), 'utf8');

describe.each(TEST_DRIVERS)('the demo universe on %s', (driver) => {
  useFreshDatabase(driver);

  it('loads once through the importers with zero errors, with a sample Portfolio and Watchlist', async () => {
    await expect(loadDemoUniverseOnce(await makeUser('analyst'))).rejects.toBeInstanceOf(ForbiddenError);
    const load = await loadDemoUniverseOnce(SYSTEM_ACTOR);
    expect(load).toMatchObject({
      companies: { created: 41, updated: 0 },
      fx: { created: 13 },
      figures: { created: 310, updated: 0, unchanged: 0 },
    });
    expect(
      load!.figures.warnings.some(
        (w) => w.message === 'TSMC: no TWD rate for 2024 yet, so this figure cannot be converted to USD for that year.',
      ),
    ).toBe(true);
    expect(await loadDemoUniverseOnce(SYSTEM_ACTOR)).toBeNull();

    const viewer = await makeUser('viewer');
    const onList = async (list: string) =>
      (await listCompanies(viewer, companyFilterSchema.parse({ list, limit: 100 }))).items.map((c) => c.name);
    expect(await onList('Portfolio')).toHaveLength(10);
    expect(await onList('Watchlist')).toEqual(expect.arrayContaining(['OpenAI', 'Anthropic', 'Databricks']));
  });

  it('keeps the values of the files: spot checks against figures.csv', async () => {
    const viewer = await makeUser('viewer');
    const lines = seed('figures.csv').split(/\r?\n/);
    const [nvidia] = (await listCompanies(viewer, companyFilterSchema.parse({ q: 'nvidia' }))).items;
    const nvidiaLine = lines.find((l) => l.startsWith('NVIDIA,2025,,revenue,reported,'))!.split(',');
    expect(nvidiaLine[5]).toBe('130497');
    expect(await listFigures(viewer, { company: nvidia!.id, year: 2025, metric: 'revenue' })).toMatchObject([
      { kind: 'reported', value: nvidiaLine[5], currency: 'USD' },
    ]);
    const [tsmc] = (await listCompanies(viewer, companyFilterSchema.parse({ q: 'tsmc' }))).items;
    const tsmcLine = lines.find((l) => l.startsWith('TSMC,2024,,revenue,'))!.split(',');
    expect((await listFigures(viewer, { company: tsmc!.id, year: 2024, metric: 'revenue' }))[0]).toMatchObject({
      value: tsmcLine[5],
      currency: 'TWD',
    });
  });

  it('shows its gaps honestly: TSMC without a 2024 rate, xAI without figures', async () => {
    const { coverage } = await layerAnalytics(await makeUser('viewer'), { year: '2024', metric: 'revenue' });
    expect(coverage.missing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'TSMC', code: 'no_fx_rate', reason: 'no TWD rate for 2024' }),
        expect.objectContaining({ name: 'xAI', code: 'no_figure', reason: 'no revenue for FY2024' }),
      ]),
    );
  });

  it('refuses a second load into a database with companies unless forced; forced, it changes nothing', async () => {
    await expect(loadDemoUniverse(SYSTEM_ACTOR)).rejects.toThrow('The database already holds 41 companies');
    expect(await loadDemoUniverse(SYSTEM_ACTOR, { force: true })).toMatchObject({
      companies: { created: 0, updated: 0, unchanged: 41 },
      figures: { created: 0, updated: 0, unchanged: 310 },
    });
    const analyst = await makeUser('analyst');
    expect(await importFiguresCsv(analyst, await exportFiguresCsv(analyst), { dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 310,
    });
  });
});
