import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { companyInputSchema } from '@/lib/companies/schema';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError, CsvRejectedError, ForbiddenError } from '@/lib/errors';
import { parseFigureBatch } from '@/lib/figures/schema';
import { setFxRateSchema } from '@/lib/fx/schema';
import { createCompany } from './company-writes';
import { putFigures } from './figures';
import { listAuditEvents } from './audit';
import { exportFxCsv, importFxCsv, listFxRates, setFxRate, unconvertibleFigures } from './fx';

const importFx = (actor: Actor, text: string, dryRun = false) => importFxCsv({ actor }, { text, dryRun });
/** The rates of the currencies a test uses: the tests share one database, in any order. */
const ratesOf = async (actor: Actor, currencies: string[]) =>
  (await listFxRates({ actor })).filter((r) => currencies.includes(r.currency));
/** The rate form's fields as the action reads them. */
const setRate = (actor: Actor, fields: Record<string, unknown>) => setFxRate({ actor }, setFxRateSchema.parse(fields));

const FILE = ['currency,year,usd_per_unit', 'EUR,2024,1.082251082', 'jpy,2023,0.007117432657', 'TWD,2023,0.03210015248'].join(
  '\n',
);

describe.each(TEST_DRIVERS)('fx.csv on %s', (driver) => {
  useFreshDatabase(driver);

  it('imports exactly, changes nothing the second time, updates by value and round-trips through export', async () => {
    const analyst = await makeUser('analyst');
    const mine = ['EUR', 'JPY', 'TWD'];
    expect(await importFx(analyst, FILE, true)).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(await ratesOf(analyst, mine)).toEqual([]);
    await importFx(analyst, FILE);
    expect((await ratesOf(analyst, mine)).map((r) => [r.currency, r.year, r.usdPerUnit, r.version])).toEqual([
      ['EUR', 2024, '1.082251082', 1],
      ['JPY', 2023, '0.007117432657', 1],
      ['TWD', 2023, '0.03210015248', 1],
    ]);
    expect(await importFx(analyst, FILE.replace('1.082251082', '1.0822510820'))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await importFx(analyst, FILE.replace('1.082251082', '1.08'))).toMatchObject({
      updated: 1,
      unchanged: 2,
    });
    expect((await ratesOf(analyst, mine))[0]).toMatchObject({ usdPerUnit: '1.08', version: 2 });
    expect(await importFx(analyst, await exportFxCsv({ actor: analyst }))).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: (await listFxRates({ actor: analyst })).length,
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
    const error = (await importFx(analyst, bad).catch((e: unknown) => e)) as CsvRejectedError;
    expect(error).toBeInstanceOf(CsvRejectedError);
    expect(error.issues.map((i) => `${i.line}:${i.column}`)).toEqual(['3:currency', '4:year', '5:usd_per_unit', '6:currency']);
    expect(error.issues[3]!.message).toBe('the same currency and year as line 2');
    expect((await listFxRates({ actor: analyst })).find((r) => r.year === 2022)).toBeUndefined();
  });

  it('sets a rate by hand at the version read, and lists the figures no rate can convert yet', async () => {
    const analyst = await makeUser('analyst');
    const company = await createCompany({ actor: analyst }, companyInputSchema.parse({ name: 'Krw Co', currency: 'KRW' }));
    const figure = (fiscalYear: number) => ({
      companyId: company.id,
      fiscalYear,
      fiscalQuarter: null,
      metric: 'revenue',
      value: '1000',
      currency: 'KRW',
    });
    await putFigures({ actor: analyst }, parseFigureBatch({ figures: [figure(2030), figure(2031)] }));
    expect(await unconvertibleFigures({ actor: analyst })).toEqual([
      { currency: 'KRW', year: 2030, figures: 1, companies: ['Krw Co'] },
      { currency: 'KRW', year: 2031, figures: 1, companies: ['Krw Co'] },
    ]);
    const set = await setRate(analyst, { currency: 'krw', year: '2030', usdPerUnit: '0.00075' });
    expect(set).toMatchObject({ currency: 'KRW', year: 2030, usdPerUnit: '0.00075', version: 1 });
    expect((await unconvertibleFigures({ actor: analyst })).map((g) => g.year)).toEqual([2031]);
    await expect(setRate(analyst, { currency: 'KRW', year: 2030, usdPerUnit: '0.0008' })).rejects.toBeInstanceOf(ConflictError);
    expect(await setRate(analyst, { currency: 'KRW', year: 2030, usdPerUnit: '0.0008', version: 1 })).toMatchObject({
      version: 2,
    });
    const audit = await listAuditEvents({ actor: await makeUser('admin') }, { entity: 'fx_rate', actor: analyst.label, page: 1 });
    expect(audit.items.map((e) => [e.action, e.entityId, e.before, e.after])).toEqual([
      ['fx.update', 'KRW-2030', { usdPerUnit: '0.00075' }, { usdPerUnit: '0.0008' }],
      ['fx.create', 'KRW-2030', null, { usdPerUnit: '0.00075' }],
    ]);
  });

  it('audits every imported rate with its value before and after', async () => {
    const analyst = await makeUser('analyst');
    await importFx(analyst, 'currency,year,usd_per_unit\nCHF,2019,1.0061\nCHF,2018,1.0222');
    await importFx(analyst, 'currency,year,usd_per_unit\nCHF,2019,1.0064\nCHF,2018,1.0222');
    const { items } = await listAuditEvents(
      { actor: await makeUser('admin') },
      { entity: 'fx_rate', actor: analyst.label, page: 1 },
    );
    expect(items.map((e) => [e.action, e.entityId, e.before, e.after])).toEqual([
      ['fx.update', 'CHF-2019', { usdPerUnit: '1.0061' }, { usdPerUnit: '1.0064' }],
      ['fx.create', 'CHF-2018', null, { usdPerUnit: '1.0222' }],
      ['fx.create', 'CHF-2019', null, { usdPerUnit: '1.0061' }],
    ]);
  });

  it('refuses USD, which needs no rate, before the data layer', () => {
    expect(setFxRateSchema.safeParse({ currency: 'usd', year: 2030, usdPerUnit: '1' }).error?.issues[0]?.message).toBe(
      'USD is 1 and needs no rate.',
    );
  });

  it('is written by analysts only', async () => {
    await expect(importFx(await makeUser('viewer'), FILE, true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setRate(await makeUser('viewer'), { currency: 'EUR', year: 2020, usdPerUnit: '1.1' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
