import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { ConflictError, CsvRejectedError, ForbiddenError } from '@/lib/errors';
import { createCompany } from './company-writes';
import { putFigures } from './figures';
import { exportFxCsv, importFxCsv, listFxRates, setFxRate, unconvertibleFigures } from './fx';

const FILE = ['currency,year,usd_per_unit', 'EUR,2024,1.082251082', 'jpy,2023,0.007117432657', 'TWD,2023,0.03210015248'].join(
  '\n',
);

describe.each(TEST_DRIVERS)('fx.csv on %s', (driver) => {
  useFreshDatabase(driver);

  it('imports exactly, changes nothing the second time, updates by value and round-trips through export', async () => {
    const analyst = await makeUser('analyst');
    expect(await importFxCsv(analyst, FILE, { dryRun: true })).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(await listFxRates(analyst)).toEqual([]);
    await importFxCsv(analyst, FILE, { dryRun: false });
    expect((await listFxRates(analyst)).map((r) => [r.currency, r.year, r.usdPerUnit, r.version])).toEqual([
      ['EUR', 2024, '1.082251082', 1],
      ['JPY', 2023, '0.007117432657', 1],
      ['TWD', 2023, '0.03210015248', 1],
    ]);
    expect(await importFxCsv(analyst, FILE.replace('1.082251082', '1.0822510820'), { dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await importFxCsv(analyst, FILE.replace('1.082251082', '1.08'), { dryRun: false })).toMatchObject({
      updated: 1,
      unchanged: 2,
    });
    expect((await listFxRates(analyst))[0]).toMatchObject({ usdPerUnit: '1.08', version: 2 });
    expect(await importFxCsv(analyst, await exportFxCsv(analyst), { dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it('writes nothing when a row is bad, naming line, column and reason', async () => {
    const analyst = await makeUser('analyst');
    const bad = [
      'currency,year,usd_per_unit',
      'EUR,2022,1.05',
      'USD,2022,1',
      'GBP,20x2,1.2',
      'KRW,2022,-0.0007',
      'eur,2022,1.06',
    ].join('\n');
    const error = (await importFxCsv(analyst, bad, { dryRun: false }).catch((e: unknown) => e)) as CsvRejectedError;
    expect(error).toBeInstanceOf(CsvRejectedError);
    expect(error.issues.map((i) => `${i.line}:${i.column}`)).toEqual(['3:currency', '4:year', '5:usd_per_unit', '6:currency']);
    expect(error.issues[3]!.message).toBe('the same currency and year as line 2');
    expect((await listFxRates(analyst)).find((r) => r.year === 2022)).toBeUndefined();
  });

  it('sets a rate by hand at the version read, and lists the figures no rate can convert yet', async () => {
    const analyst = await makeUser('analyst');
    const company = await createCompany(analyst, { name: 'Krw Co', currency: 'KRW' });
    const figure = (fiscalYear: number) => ({
      companyId: company.id,
      fiscalYear,
      fiscalQuarter: null,
      metric: 'revenue',
      value: '1000',
      currency: 'KRW',
    });
    await putFigures(analyst, { figures: [figure(2030), figure(2031)] });
    expect(await unconvertibleFigures(analyst)).toEqual([
      { currency: 'KRW', year: 2030, figures: 1, companies: ['Krw Co'] },
      { currency: 'KRW', year: 2031, figures: 1, companies: ['Krw Co'] },
    ]);
    const set = await setFxRate(analyst, { currency: 'krw', year: '2030', usdPerUnit: '0.00075' });
    expect(set).toMatchObject({ currency: 'KRW', year: 2030, usdPerUnit: '0.00075', version: 1 });
    expect((await unconvertibleFigures(analyst)).map((g) => g.year)).toEqual([2031]);
    await expect(setFxRate(analyst, { currency: 'KRW', year: 2030, usdPerUnit: '0.0008' })).rejects.toBeInstanceOf(ConflictError);
    expect(await setFxRate(analyst, { currency: 'KRW', year: 2030, usdPerUnit: '0.0008', version: 1 })).toMatchObject({
      version: 2,
    });
    await expect(setFxRate(analyst, { currency: 'USD', year: 2030, usdPerUnit: '1' })).rejects.toThrow(/USD is 1/);
  });

  it('is written by analysts only', async () => {
    await expect(importFxCsv(await makeUser('viewer'), FILE, { dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
