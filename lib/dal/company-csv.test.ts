import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { addCompany, patchCompany } from '@/lib/testing/companies';
import { companyFilterSchema } from '@/lib/companies/filter';
import { CsvRejectedError, ForbiddenError } from '@/lib/errors';
import { getCompany, listCompanies } from './companies';
import { exportCompaniesCsv, importCompaniesCsv } from './company-csv';

const HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description';
const all = companyFilterSchema.parse({ limit: 500 });

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

describe.each(TEST_DRIVERS)('companies.csv on %s', (driver) => {
  useFreshDatabase(driver);

  it('imports fractions and percentages, creates unknown lists, and a second import changes nothing', async () => {
    const analyst = await makeUser('analyst');
    const file = csv(
      'Alpha Fab,ALF,TW,public,12,Portfolio;Fabs,1,0,0,0,0,0,0,TWD,https://alpha.example,"Foundry, with ""quotes"""',
      'Beta Retail,BRT,US,public,1,watchlist,,,,,,20,80,,,=SUM(A1) is text',
      'Gamma Labs,,GB,private,,,,,0.5,0.5,,,,USD,,',
    );
    expect(await importCompaniesCsv({ actor: analyst }, { text: file, dryRun: true })).toEqual({
      dryRun: true,
      created: 3,
      updated: 0,
      unchanged: 0,
      warnings: [],
    });
    const names = ['Alpha Fab', 'Beta Retail', 'Gamma Labs'];
    const imported = async () => (await listCompanies({ actor: analyst }, all)).items.filter((c) => names.includes(c.name));
    expect(await imported()).toEqual([]);

    expect(await importCompaniesCsv({ actor: analyst }, { text: file, dryRun: false })).toMatchObject({
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const items = await imported();
    const beta = items.find((c) => c.name === 'Beta Retail')!;
    expect(beta).toMatchObject({
      fiscalYearEndMonth: 1,
      currency: 'USD',
      outside: '0.8',
      exposures: [{ layer: 'application', share: '0.2' }],
      lists: ['Watchlist'],
    });
    expect(beta.description).toBe('=SUM(A1) is text');
    expect(items.find((c) => c.name === 'Alpha Fab')).toMatchObject({
      lists: ['Fabs', 'Portfolio'],
      description: 'Foundry, with "quotes"',
      currency: 'TWD',
    });
    expect(items.find((c) => c.name === 'Gamma Labs')).toMatchObject({ ticker: null, status: 'private', fiscalYearEndMonth: 12 });

    expect(await importCompaniesCsv({ actor: analyst }, { text: file, dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect((await getCompany({ actor: analyst }, beta.id)).version).toBe(1);
  });

  it('writes nothing when one row is bad and lists every bad row with line, column and reason', async () => {
    const analyst = await makeUser('analyst');
    const before = (await listCompanies({ actor: analyst }, all)).total;
    const file = csv(
      'Good One,GO1,US,public,12,,0,1,0,0,0,0,0,USD,,',
      'Bad Sum,,US,public,12,,0.5,0.4,0,0,0,0,0,USD,,',
      '"Multi',
      'line name",,US,public,12,,,,,,,,1,USD,,',
      'Bad Month,,XX,public,13,,1,,,,,,,USD,,',
      'good one,,US,public,12,,0,1,0,0,0,0,0,USD,,',
    );
    const error = await importCompaniesCsv({ actor: analyst }, { text: file, dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvRejectedError);
    const issues = (error as CsvRejectedError).issues.map((i) => `${i.line}:${i.column}`);
    // A name is one line (docs/data-contract.md §2): the quoted two-line name of line 4 is refused.
    expect(issues).toEqual(['3:shares', '4:name', '6:country', '6:fiscal_year_end_month', '7:name']);
    expect((error as CsvRejectedError).issues.find((i) => i.line === 7)?.message).toBe('the same name as line 2');
    expect((await listCompanies({ actor: analyst }, all)).total).toBe(before);
  });

  it('reports a duplicate name even when the first of the pair is itself invalid', async () => {
    const analyst = await makeUser('analyst');
    const file = csv('Twice Co,,US,public,99,,1,,,,,,,USD,,', 'TWICE CO,,US,public,12,,1,,,,,,,USD,,');
    const error = (await importCompaniesCsv({ actor: analyst }, { text: file, dryRun: true }).catch(
      (e: unknown) => e,
    )) as CsvRejectedError;
    expect(error.issues.map((i) => `${i.line}:${i.column}:${i.message}`)).toEqual([
      '2:fiscal_year_end_month:Enter a month from 1 to 12.',
      '3:name:the same name as line 2',
    ]);
  });

  it('refuses a file without the required columns, and a ticker that belongs to another company', async () => {
    const analyst = await makeUser('analyst');
    await expect(importCompaniesCsv({ actor: analyst }, { text: 'name,ticker\nX,Y\n', dryRun: true })).rejects.toBeInstanceOf(
      CsvRejectedError,
    );
    await addCompany(analyst, { name: 'Ticker Holder', ticker: 'HOLD' });
    const error = await importCompaniesCsv(
      { actor: analyst },
      { text: csv('Usurper,hold,US,public,12,,1,,,,,,,USD,,'), dryRun: true },
    ).catch((e: unknown) => e);
    expect((error as CsvRejectedError).issues).toEqual([
      { line: 2, column: 'ticker', message: 'the ticker hold belongs to Ticker Holder' },
    ]);
  });

  it('updates by name, keeps sub-layer labels and warns about archived companies', async () => {
    const analyst = await makeUser('analyst');
    const c = await addCompany(analyst, { name: 'Relabel', exposures: [{ layer: 'chips', share: '1', subLayer: 'memory' }] });
    await patchCompany(analyst, c.id, { version: 1, archived: true });
    const result = await importCompaniesCsv(
      { actor: analyst },
      { text: csv('RELABEL,RLB,US,public,12,,0,100,0,0,0,0,0,USD,,'), dryRun: false },
    );
    expect(result).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 0,
      warnings: [{ line: 2, message: 'Relabel is archived; it stays archived.' }],
    });
    expect(await getCompany({ actor: analyst }, c.id)).toMatchObject({
      name: 'RELABEL',
      ticker: 'RLB',
      archived: true,
      exposures: [{ layer: 'chips', share: '1', subLayer: 'memory' }],
    });
  });

  it('exports what it imports: export → import changes nothing', async () => {
    const analyst = await makeUser('analyst');
    await addCompany(analyst, {
      name: '@Mention, Inc.',
      ticker: 'MENT',
      description: '-5% margin\nsecond line',
      lists: ['Portfolio'],
      exposures: [
        { layer: 'execution', share: '0.333333' },
        { layer: 'models', share: '0.1' },
      ],
    });
    const exported = await exportCompaniesCsv({ actor: analyst });
    expect(exported.split('\r\n')[0]).toBe(`\uFEFF${HEADER}`);
    expect(exported).toContain('"\'@Mention, Inc."');
    expect(exported).toContain(',0.566667,');
    const again = await importCompaniesCsv({ actor: analyst }, { text: exported, dryRun: false });
    expect(again.created + again.updated).toBe(0);
    expect(again.unchanged).toBe((await listCompanies({ actor: analyst }, all)).total);
  });

  it('is for analysts', async () => {
    const viewer = await makeUser('viewer');
    await expect(importCompaniesCsv({ actor: viewer }, { text: csv(), dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportCompaniesCsv({ actor: viewer })).resolves.toContain('name,ticker');
  });
});
