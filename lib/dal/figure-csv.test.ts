import { describe, expect, it } from 'vitest';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { companyInputSchema } from '@/lib/companies/schema';
import type { Actor } from '@/lib/domain/actor';
import { CsvRejectedError } from '@/lib/errors';
import { createCompany } from './company-writes';
import { listAuditEvents } from './audit';
import { exportFiguresCsv, importFiguresCsv } from './figure-csv';
import { listFigures } from './figures';
import { importFxCsv } from './fx';

const importFigures = (actor: Actor, text: string, dryRun = false) => importFiguresCsv({ actor }, { text, dryRun });
const makeCompany = (actor: Actor, fields: Record<string, unknown>) => createCompany({ actor }, companyInputSchema.parse(fields));

const HEADER = 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note';

describe.each(TEST_DRIVERS)('figures.csv on %s', (driver) => {
  useFreshDatabase(driver);

  it('matches companies by name or ticker with Unicode case folding, and fills blank kind and currency', async () => {
    const analyst = await makeUser('analyst');
    const company = await makeCompany(analyst, { name: "Société d'Agents", ticker: 'SDA', currency: 'EUR' });
    const file = [
      HEADER,
      "SOCIÉTÉ D'AGENTS,2024,,revenue,,100.5,,https://x.example,",
      'sda,2024,1,revenue,estimate,20,EUR,,',
    ].join('\n');
    const result = await importFigures(analyst, file);
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
      (await listFigures({ actor: analyst }, { company: company.id })).map((f) => [f.fiscalQuarter, f.kind, f.value, f.currency]),
    ).toEqual([
      [null, 'reported', '100.5', 'EUR'],
      [1, 'estimate', '20', 'EUR'],
    ]);
  });

  it('warns of the calendar years whose rate a fiscal year needs: the year before too when it ends before December', async () => {
    const analyst = await makeUser('analyst');
    await makeCompany(analyst, { name: 'March Co', currency: 'JPY', fiscalYearEndMonth: 3 });
    await importFxCsv({ actor: analyst }, { text: 'currency,year,usd_per_unit\nJPY,2024,0.0066', dryRun: false });
    const result = await importFigures(
      analyst,
      [HEADER, 'March Co,2024,,revenue,,100,,,', 'March Co,2025,,revenue,,100,,,'].join('\n'),
    );
    expect(result.warnings).toEqual([
      { line: 2, message: 'March Co: no JPY rate for 2023 yet, so this figure cannot be converted to USD for that year.' },
      { line: 3, message: 'March Co: no JPY rate for 2025 yet, so this figure cannot be converted to USD for that year.' },
    ]);
  });

  it('names every bad row: unknown and ambiguous companies, bad values, duplicates and currency clashes', async () => {
    const analyst = await makeUser('analyst');
    await makeCompany(analyst, { name: 'Alpha', ticker: 'BETA' });
    await makeCompany(analyst, { name: 'Beta', ticker: 'BTA' });
    const file = [
      HEADER,
      'Nobody Inc,2024,,revenue,,1,,,',
      'Alpah,2024,,revenue,,1,,,',
      'beta,2024,,revenue,,1,,,',
      'Alpha,2024,5,revenue,,1,,,',
      'Alpha,2024,,capex,,-3,,,',
      'Alpha,2023,,revenue,,1,USD,,',
      'ALPHA,2023,,revenue,reported,2,USD,,',
      'Alpha,2022,,revenue,estimate,1,EUR,,',
      'Alpha,2022,,revenue,reported,1,USD,,',
    ].join('\n');
    const error = (await importFigures(analyst, file, true).catch((e: unknown) => e)) as CsvRejectedError;
    expect(error).toBeInstanceOf(CsvRejectedError);
    expect(error.issues.map((i) => `${i.line}:${i.column}:${i.message}`)).toEqual([
      '2:company:unknown company "Nobody Inc"',
      '3:company:unknown company "Alpah"; did you mean Alpha?',
      '4:company:"beta" is the name of Beta and the ticker of Alpha; use the full name',
      '5:fiscal_quarter:The quarter is 1 to 4, or null for the full year.',
      '6:value_millions:Revenue and capex cannot be negative.',
      '8:null:the same figure as line 7',
      '10:currency:revenue for FY2022 of Alpha is in EUR (line 9); one currency per company, year and metric',
    ]);
  });

  it('reads a quoted 1,200 as 1200 in a file whose decimals use a dot, and refuses it, saying why, in one without', async () => {
    const analyst = await makeUser('analyst');
    const company = await makeCompany(analyst, { name: 'Grouped Co' });
    const dotDecimals = [HEADER, 'Grouped Co,2024,,revenue,,"1,200",,,', 'Grouped Co,2024,,capex,,310.5,,,'].join('\n');
    expect(await importFigures(analyst, dotDecimals)).toMatchObject({ created: 2 });
    expect((await listFigures({ actor: analyst }, { company: company.id })).map((f) => [f.metric, f.value])).toEqual([
      ['revenue', '1200'],
      ['capex', '310.5'],
    ]);

    const noDecimals = [HEADER, 'Grouped Co,2023,,revenue,,"1,200",,,', 'Grouped Co,2023,,capex,,310,,,'].join('\n');
    const error = (await importFigures(analyst, noDecimals).catch((e: unknown) => e)) as CsvRejectedError;
    expect(error).toBeInstanceOf(CsvRejectedError);
    expect(error.issues).toEqual([
      {
        line: 2,
        column: 'value_millions',
        message:
          '1,200 could be 1200 or, with a decimal comma, 1.200: no value in this file writes decimals with a dot. Write 1200 without thousands separators.',
      },
    ]);
    expect(await listFigures({ actor: analyst }, { company: company.id, year: 2023 })).toEqual([]);
  });

  it('upserts on the natural key without versions: a changed row updates, the same file twice changes nothing', async () => {
    const analyst = await makeUser('analyst');
    const company = await makeCompany(analyst, { name: 'Upsert Co', currency: 'USD' });
    const file = (value: string) =>
      [HEADER, `Upsert Co,2024,,revenue,,${value},,10-K,`, 'Upsert Co,2024,1,revenue,,5,,,'].join('\n');
    expect(await importFigures(analyst, file('100'))).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await importFigures(analyst, file('100.000'))).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await importFigures(analyst, file('101'), true)).toMatchObject({ dryRun: true, created: 0, updated: 1, unchanged: 1 });
    expect((await listFigures({ actor: analyst }, { company: company.id }))[0]).toMatchObject({ value: '100', version: 1 });
    expect(await importFigures(analyst, file('101'))).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const [full] = await listFigures({ actor: analyst }, { company: company.id });
    expect(full).toMatchObject({ value: '101', version: 2, source: '10-K' });

    const { items } = await listAuditEvents(
      { actor: await makeUser('admin') },
      { entity: 'figure', actor: analyst.label, page: 1 },
    );
    expect(items.map((e) => e.action)).toEqual(['figure.import_update', 'figure.import_create', 'figure.import_create']);
    expect(items[0]).toMatchObject({
      entityId: full!.id,
      before: { value: '100', version: 1 },
      after: { value: '101', version: 2 },
    });
  });

  it('lets a file move a company, year and metric to another currency when it replaces every figure of it', async () => {
    const analyst = await makeUser('analyst');
    const company = await makeCompany(analyst, { name: 'Mover Co', currency: 'EUR' });
    await importFigures(analyst, [HEADER, 'Mover Co,2024,,capex,,1,EUR,,', 'Mover Co,2024,,capex,estimate,2,EUR,,'].join('\n'));
    const partly = (await importFigures(analyst, [HEADER, 'Mover Co,2024,,capex,,1,USD,,'].join('\n')).catch(
      (e: unknown) => e,
    )) as CsvRejectedError;
    expect(partly.issues).toEqual([
      {
        line: 2,
        column: 'currency',
        message: 'capex for FY2024 of Mover Co is in EUR (a stored figure); one currency per company, year and metric',
      },
    ]);
    await importFigures(analyst, [HEADER, 'Mover Co,2024,,capex,,1,USD,,', 'Mover Co,2024,,capex,estimate,2,USD,,'].join('\n'));
    expect((await listFigures({ actor: analyst }, { company: company.id })).map((f) => f.currency)).toEqual(['USD', 'USD']);
  });

  it('exports what it imports, in the same format', async () => {
    const analyst = await makeUser('analyst');
    await makeCompany(analyst, { name: 'Export Co', currency: 'USD' });
    await importFigures(analyst, [HEADER, 'Export Co,2020,,revenue,,12.5,,"10-K, p. 3",'].join('\n'));
    const lines = (await exportFiguresCsv({ actor: analyst })).split(/\r?\n/);
    expect(lines[0]).toBe(`\uFEFF${HEADER}`);
    expect(lines).toContain('Export Co,2020,,revenue,reported,12.5,USD,"10-K, p. 3",');
  });
});
