import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { CsvRejectedError } from '@/lib/errors';
import { createCompany } from './company-writes';
import { importFiguresCsv } from './figure-csv';
import { listFigures } from './figures';

const HEADER = 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note';

describe.each(TEST_DRIVERS)('figures.csv on %s', (driver) => {
  useFreshDatabase(driver);

  it('matches companies by name or ticker with Unicode case folding, and fills blank kind and currency', async () => {
    const analyst = await makeUser('analyst');
    const company = await createCompany(analyst, { name: "Société d'Agents", ticker: 'SDA', currency: 'EUR' });
    const file = [
      HEADER,
      "SOCIÉTÉ D'AGENTS,2024,,revenue,,100.5,,https://x.example,",
      'sda,2024,1,revenue,estimate,20,EUR,,',
    ].join('\n');
    const result = await importFiguresCsv(analyst, file, { dryRun: false });
    expect(result).toMatchObject({ created: 2 });
    expect(result.warnings).toEqual([
      {
        line: 2,
        message: "Société d'Agents: no EUR rate for 2024 yet, so this figure cannot be converted to USD for that year.",
      },
      {
        line: 3,
        message: "Société d'Agents: no EUR rate for 2024 yet, so this figure cannot be converted to USD for that year.",
      },
    ]);
    expect(
      (await listFigures(analyst, { company: company.id })).map((f) => [f.fiscalQuarter, f.kind, f.value, f.currency]),
    ).toEqual([
      [null, 'reported', '100.5', 'EUR'],
      [1, 'estimate', '20', 'EUR'],
    ]);
  });

  it('names every bad row: unknown and ambiguous companies, bad values, duplicates and currency clashes', async () => {
    const analyst = await makeUser('analyst');
    await createCompany(analyst, { name: 'Alpha', ticker: 'BETA' });
    await createCompany(analyst, { name: 'Beta', ticker: 'BTA' });
    const file = [
      HEADER,
      'Nobody Inc,2024,,revenue,,1,,,',
      'beta,2024,,revenue,,1,,,',
      'Alpha,2024,5,revenue,,1,,,',
      'Alpha,2024,,capex,,-3,,,',
      'Alpha,2023,,revenue,,1,USD,,',
      'ALPHA,2023,,revenue,reported,2,USD,,',
      'Alpha,2022,,revenue,estimate,1,EUR,,',
      'Alpha,2022,,revenue,reported,1,USD,,',
    ].join('\n');
    const error = (await importFiguresCsv(analyst, file, { dryRun: true }).catch((e: unknown) => e)) as CsvRejectedError;
    expect(error).toBeInstanceOf(CsvRejectedError);
    expect(error.issues.map((i) => `${i.line}:${i.column}:${i.message}`)).toEqual([
      '2:company:unknown company "Nobody Inc"',
      '3:company:"beta" is the name of Beta and the ticker of Alpha; use the full name',
      '4:fiscal_quarter:The quarter is 1 to 4, or null for the full year.',
      '5:value_millions:Revenue and capex cannot be negative.',
      '7:null:the same figure as line 6',
      '9:currency:revenue for FY2022 of Alpha is in EUR (line 8); one currency per company, year and metric',
    ]);
  });
});
