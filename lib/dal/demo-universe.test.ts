import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { importCompaniesCsv } from './company-csv';
import { listCompanies } from './companies';
import { companyFilterSchema } from '@/lib/domain/company-filter';
import { exportFiguresCsv, importFiguresCsv } from './figure-csv';
import { listFigures } from './figures';
import { importFxCsv } from './fx';

const seed = (file: string) => readFileSync(path.join(process.cwd(), 'db', 'seed', 'ai-stack', file), 'utf8');

describe.each(TEST_DRIVERS)('the demo universe on %s', (driver) => {
  useFreshDatabase(driver);

  it('loads through the importers with zero errors, and the figures round-trip', async () => {
    const analyst = await makeUser('analyst');
    expect(await importCompaniesCsv(analyst, seed('companies.csv'), { dryRun: false })).toMatchObject({ created: 41 });
    expect(await importFxCsv(analyst, seed('fx.csv'), { dryRun: false })).toMatchObject({ created: 13 });
    const figures = await importFiguresCsv(analyst, seed('figures.csv'), { dryRun: false });
    expect(figures).toMatchObject({ created: 310, updated: 0, unchanged: 0 });
    expect(figures.warnings.some((w) => /no TWD rate for 2024/.test(w.message))).toBe(true);

    const [nvidia] = (await listCompanies(analyst, companyFilterSchema.parse({ q: 'nvidia' }))).items;
    const revenue = await listFigures(analyst, { company: nvidia!.id, year: 2025, metric: 'revenue' });
    expect(revenue).toMatchObject([{ kind: 'reported', value: '130497', currency: 'USD' }]);

    expect(await importFiguresCsv(analyst, seed('figures.csv'), { dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 310,
    });
    expect(await importFiguresCsv(analyst, await exportFiguresCsv(analyst), { dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 310,
    });
  });
});
