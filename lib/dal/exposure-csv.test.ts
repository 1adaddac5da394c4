import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '@/lib/domain/history';
import { CsvRejectedError, ForbiddenError } from '@/lib/errors';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { companyHistory, getCompany } from './companies';
import { exportExposuresCsv, importExposuresCsv } from './exposure-csv';

const HEADER = 'company,scope,from_year,infrastructure,chips,data,models,execution,application,outside';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';
const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(TEST_DRIVERS)('exposures.csv on %s', (driver) => {
  useFreshDatabase(driver);

  async function universe() {
    const analyst = await makeUser('analyst');
    const tag = unique();
    const hyper = await addCompany(analyst, {
      name: `Hyper ${tag}`,
      ticker: `HY${tag}`,
      exposures: [
        { layer: 'application', share: '0.7' },
        { layer: 'execution', share: '0.3' },
      ],
    });
    const gpu = await addCompany(analyst, { name: `Gpu ${tag}`, exposures: [{ layer: 'chips', share: '0.5' }] });
    const bystander = await addCompany(analyst, {
      name: `Bystander ${tag}`,
      exposures: [{ layer: 'data', share: '1' }],
      profiles: [{ scope: 'revenue', fromYear: 2020, exposures: [{ layer: 'models', share: '1' }] }],
    });
    return { analyst, tag, hyper, gpu, bystander };
  }

  it('imports profiles by name or ticker (fractions, percentages, all outside), dry run first; twice changes nothing', async () => {
    const { analyst, tag, hyper, gpu, bystander } = await universe();
    const file = csv(
      `hy${tag},capex,,0.9,,,,,,0.1`, // by ticker; blank from_year = from the beginning
      `Hyper ${tag},,2023,,,,,40,40,20`, // blank scope = all, percentages
      `GPU ${tag},revenue,2017,,50,,,,,50`,
      `Gpu ${tag},revenue,2024,,90,,,,,10`,
      `Gpu ${tag},operating_income,2020,,,,,,,1`, // everything outside
    );
    expect(await importExposuresCsv({ actor: analyst }, { text: file, dryRun: true })).toEqual({
      dryRun: true,
      created: 5,
      updated: 0,
      unchanged: 0,
      warnings: [],
    });
    expect((await getCompany({ actor: analyst }, hyper.id)).profiles).toEqual([]);

    expect(await importExposuresCsv({ actor: analyst }, { text: file, dryRun: false })).toMatchObject({ created: 5 });
    const h = await getCompany({ actor: analyst }, hyper.id);
    expect(h.version).toBe(2);
    expect(h.profiles).toEqual([
      {
        scope: 'all',
        fromYear: 2023,
        exposures: [
          { layer: 'execution', share: '0.4', subLayer: null },
          { layer: 'application', share: '0.4', subLayer: null },
        ],
        outside: '0.2',
      },
      { scope: 'capex', fromYear: null, exposures: [{ layer: 'infrastructure', share: '0.9', subLayer: null }], outside: '0.1' },
    ]);
    const g = await getCompany({ actor: analyst }, gpu.id);
    expect(g.profiles.map((p) => [p.scope, p.fromYear, p.outside])).toEqual([
      ['revenue', 2017, '0.5'],
      ['revenue', 2024, '0.1'],
      ['operating_income', 2020, '1'],
    ]);
    expect(await importExposuresCsv({ actor: analyst }, { text: file, dryRun: false })).toEqual({
      dryRun: false,
      created: 0,
      updated: 0,
      unchanged: 5,
      warnings: [],
    });
    expect((await getCompany({ actor: analyst }, hyper.id)).version).toBe(2);
    // A company the file does not name keeps its profiles.
    expect((await getCompany({ actor: analyst }, bystander.id)).profiles).toHaveLength(1);

    // The export reads back to the same state: importing it changes nothing.
    const exported = await exportExposuresCsv({ actor: analyst });
    expect(exported.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER);
    expect(exported).toContain(`Hyper ${tag},capex,,0.9,0,0,0,0,0,0.1`);
    expect(exported).toContain(`Gpu ${tag},operating_income,2020,0,0,0,0,0,0,1`);
    expect(await importExposuresCsv({ actor: analyst }, { text: exported, dryRun: false })).toMatchObject({
      created: 0,
      updated: 0,
    });
  });

  it('sets each named company to exactly the file: a changed row updates, a missing one is removed (with a warning), audited', async () => {
    const { analyst, tag, hyper } = await universe();
    await importExposuresCsv(
      { actor: analyst },
      { text: csv(`Hyper ${tag},capex,,0.9,,,,,,0.1`, `Hyper ${tag},all,2023,,,,,,1,`), dryRun: false },
    );
    const summary = await importExposuresCsv(
      { actor: analyst },
      { text: csv(`Hyper ${tag},capex,,0.8,,,,,,0.2`), dryRun: false },
    );
    expect(summary).toEqual({
      dryRun: false,
      created: 0,
      updated: 1,
      unchanged: 0,
      warnings: [{ line: 2, message: `Hyper ${tag}: All metrics from 2023 is not in the file; it is removed.` }],
    });
    expect((await getCompany({ actor: analyst }, hyper.id)).profiles.map((p) => [p.scope, p.exposures[0]?.share])).toEqual([
      ['capex', '0.8'],
    ]);
    const [last] = await companyHistory({ actor: analyst }, hyper.id);
    expect(last!.action).toBe('company.import_update');
    expect(diffSnapshots(last!.before, last!.after)).toEqual([
      { field: 'profile all from 2023', before: 'application 1', after: '—' },
      { field: 'profile capex from the beginning', before: 'infrastructure 0.9', after: 'infrastructure 0.8' },
    ]);
  });

  it('refuses bad rows with line, column and reason, and writes nothing', async () => {
    const { analyst, tag, hyper } = await universe();
    const file = csv(
      `Hyper ${tag},capx,2020,1,,,,,,`,
      `Hyper ${tag},capex,20x4,1,,,,,,`,
      `Hyper ${tag},revenue,2021,1.5,,,,,,`,
      `Hyper ${tag},revenue,2022,0.5,0.5,,,,,`,
      `HY${tag},Revenue,2022,1,,,,,,`,
      `Hyper ${tag},all,,1,,,,,,`,
      `Hyper ${tag},,,1,,,,,,`,
      `Nobody ${tag},capex,,1,,,,,,`,
      `Hyper ${tag},capex,2020,0.5,,,,,,0.2`,
    );
    const error = await importExposuresCsv({ actor: analyst }, { text: file, dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvRejectedError);
    const issues = (error as CsvRejectedError).issues.map((i) => [i.line, i.column, i.message]);
    expect(issues).toEqual([
      [2, 'scope', expect.stringContaining('unknown scope "capx"')],
      [3, 'from_year', expect.stringContaining('"20x4" is not a year')],
      [4, 'shares', expect.stringContaining('the shares sum to 1.5')],
      [6, 'from_year', expect.stringContaining('the same company, scope and from_year as line 5')],
      [7, 'from_year', expect.stringContaining('is the base profile: set it in companies.csv')],
      [8, 'from_year', expect.stringContaining('is the base profile: set it in companies.csv')],
      [9, 'company', `unknown company "Nobody ${tag}"`],
      [10, 'shares', expect.stringContaining('the shares sum to 0.7')],
    ]);
    // A share over 1 as a fraction, with the rest negative, is caught per column.
    const over = await importExposuresCsv(
      { actor: analyst },
      { text: csv(`Hyper ${tag},capex,,1.2,,,,,,-0.2`), dryRun: false },
    ).catch((e: unknown) => e);
    expect((over as CsvRejectedError).issues.map((i) => i.column)).toEqual(['outside']);
    expect((await getCompany({ actor: analyst }, hyper.id)).profiles).toEqual([]);
    expect((await getCompany({ actor: analyst }, hyper.id)).version).toBe(1);
  });

  it('lets a viewer export but not import', async () => {
    const viewer = await makeUser('viewer');
    await expect(importExposuresCsv({ actor: viewer }, { text: csv(), dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await exportExposuresCsv({ actor: viewer })).toContain(HEADER);
  });
});
