import { beforeAll, describe, expect, it } from 'vitest';
import { layersQuerySchema } from '@/lib/analytics/schema';
import { companyFilterSchema } from '@/lib/companies/filter';
import { companyInputSchema } from '@/lib/companies/schema';
import type { Actor } from '@/lib/domain/actor';
import { ConflictError } from '@/lib/errors';
import { parseFigureBatch } from '@/lib/figures/schema';
import { makeUser } from '@/lib/testing/actors';
import { addCompany, patchCompany } from '@/lib/testing/companies';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { layerAnalytics } from './analytics';
import { listCompanies } from './companies';
import { createCompany } from './company-writes';
import { dataVersionOf, readDataVersion } from './data-version';
import { exportFiguresCsv, importFiguresCsv } from './figure-csv';
import { listFigures, putFigures } from './figures';
import { importFxCsv, listFxRates } from './fx';
import { createList, listLists, renameList } from './lists';

class RollBack extends Error {}

const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(TEST_DRIVERS)('the data version on %s', (driver) => {
  const database = useFreshDatabase(driver);
  let analyst: Actor;
  let viewer: Actor;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
    viewer = await makeUser('viewer');
  });

  const version = () => readDataVersion(database.current().db);

  /** Runs `write` and returns how much the version grew; checks that its time did not go back. */
  async function growth(write: () => Promise<unknown>): Promise<number> {
    const before = await version();
    await write();
    const after = await version();
    expect(Date.parse(after.changedAt)).toBeGreaterThanOrEqual(Date.parse(before.changedAt));
    return after.value - before.value;
  }

  it('grows by one with each write, through every path that changes an analytics answer', async () => {
    const company = await addCompany(analyst, {
      name: `Versioned ${unique()}`,
      currency: 'EUR',
      exposures: [{ layer: 'chips', share: '1' }],
    });
    const start = await version();
    const figure = {
      companyId: company.id,
      fiscalYear: 2024,
      fiscalQuarter: null,
      metric: 'revenue',
      kind: 'reported',
      value: '100',
      currency: 'EUR',
    };

    expect(await growth(() => putFigures({ actor: analyst }, parseFigureBatch({ figures: [figure] })))).toBe(1);
    expect(await growth(() => patchCompany(analyst, company.id, { version: company.version, country: 'DE' }))).toBe(1);
    // An exposure change: the company's layers, replaced.
    expect(
      await growth(() =>
        patchCompany(analyst, company.id, {
          version: company.version + 1,
          exposures: [
            { layer: 'chips', share: '0.5' },
            { layer: 'models', share: '0.5' },
          ],
        }),
      ),
    ).toBe(1);
    // A profile change: the company's capex profile, added and then removed.
    expect(
      await growth(() =>
        patchCompany(analyst, company.id, {
          version: company.version + 2,
          profiles: [{ scope: 'capex', fromYear: 2020, exposures: [{ layer: 'infrastructure', share: '1' }] }],
        }),
      ),
    ).toBe(1);
    expect(await growth(() => patchCompany(analyst, company.id, { version: company.version + 3, profiles: [] }))).toBe(1);
    expect(
      await growth(() => importFxCsv({ actor: analyst }, { text: 'currency,year,usd_per_unit\nEUR,2024,1.1', dryRun: false })),
    ).toBe(1);
    // A list change: a new list, a rename (a list filter names lists).
    const list = `Versioned List ${unique()}`;
    expect(await growth(() => createList({ actor: analyst }, { name: list }))).toBe(1);
    const listId = (await listLists({ actor: analyst })).find((l) => l.name === list)!.id;
    expect(await growth(() => renameList({ actor: analyst }, { listId, name: `${list} 2` }))).toBe(1);
    // An import of many rows is one transaction: one step.
    const csv = `company,fiscal_year,metric,value_millions\n${company.name},2022,revenue,80\n${company.name},2023,revenue,90\n${company.name},2023,capex,9`;
    expect(await growth(() => importFiguresCsv({ actor: analyst }, { text: csv, dryRun: false }))).toBe(1);

    const end = await version();
    expect(end.value).toBe(start.value + 9);
    expect(Date.parse(end.changedAt)).toBeGreaterThan(Date.parse(start.changedAt));
    expect(await dataVersionOf({ actor: viewer })).toEqual(end);
  });

  it('does not move on a read', async () => {
    const company = await addCompany(analyst, { name: `Read Only ${unique()}` });
    const reads = [
      () => listCompanies({ actor: viewer }, companyFilterSchema.parse({})),
      () => listFigures({ actor: viewer }, { company: company.id }),
      () => listFxRates({ actor: viewer }),
      () => exportFiguresCsv({ actor: viewer }),
      () => layerAnalytics({ actor: viewer }, layersQuerySchema.parse({ year: '2024' })),
    ];
    for (const read of reads) expect(await growth(read)).toBe(0);
  });

  it('does not move on a rollback, a refused write, a dry run or an import that changes nothing', async () => {
    const input = companyInputSchema.parse({ name: `Rolled Back ${unique()}`, exposures: [{ layer: 'data', share: '1' }] });
    expect(
      await growth(() =>
        database
          .current()
          .db.transaction(async (tx) => {
            await createCompany({ actor: analyst, db: tx }, input);
            throw new RollBack();
          })
          .catch((error: unknown) => expect(error).toBeInstanceOf(RollBack)),
      ),
    ).toBe(0);
    expect((await listCompanies({ actor: viewer }, companyFilterSchema.parse({ q: input.name }))).items).toEqual([]);

    const company = await addCompany(analyst, { name: `Refused ${unique()}` });
    const figure = {
      companyId: company.id,
      fiscalYear: 2024,
      fiscalQuarter: null,
      metric: 'capex',
      kind: 'reported',
      currency: 'USD',
    };
    await putFigures({ actor: analyst }, parseFigureBatch({ figures: [{ ...figure, value: '5' }] }));
    // A stale version is a 409; its transaction had written nothing that stays.
    expect(
      await growth(() =>
        putFigures({ actor: analyst }, parseFigureBatch({ figures: [{ ...figure, value: '6', version: 7 }] })).catch(
          (error: unknown) => expect(error).toBeInstanceOf(ConflictError),
        ),
      ),
    ).toBe(0);

    const fx = 'currency,year,usd_per_unit\nGBP,2024,1.27';
    expect(await growth(() => importFxCsv({ actor: analyst }, { text: fx, dryRun: true }))).toBe(0);
    expect(await growth(() => importFxCsv({ actor: analyst }, { text: fx, dryRun: false }))).toBe(1);
    expect(await growth(() => importFxCsv({ actor: analyst }, { text: fx, dryRun: false }))).toBe(0);
  });
});
