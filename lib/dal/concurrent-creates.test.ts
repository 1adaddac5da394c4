import { describe, expect, it } from 'vitest';
import { openPooledConnections, TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { makeUser, TEST_PASSWORD } from '@/lib/testing/actors';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { createUser } from './users';
import { addCompany } from '@/lib/testing/companies';
import { companyInputSchema } from '@/lib/companies/schema';
import { ConflictError, RuleError } from '@/lib/errors';
import { parseFigureBatch } from '@/lib/figures/schema';
import { listAuditEvents } from './audit';
import { listCompanies } from './companies';
import { createCompany } from './company-writes';
import { deleteFigure, listFigures, putFigures } from './figures';
import { companyFigureHistory, restoreFigure } from './figure-history';
import { setFxRate } from './fx';
import { setFxRateSchema } from '@/lib/fx/schema';
import { createList, listLists } from './lists';
import { companyFilterSchema } from '@/lib/companies/filter';

const fulfilled = <T>(results: PromiseSettledResult<T>[]) =>
  results.filter((r): r is PromiseFulfilledResult<T> => r.status === 'fulfilled').map((r) => r.value);
const rejected = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);

const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(TEST_DRIVERS)('concurrent creates on %s', (driver) => {
  const database = useFreshDatabase(driver);

  /** Settles every call at once, so the requests race as they do from several browsers (docs/data-contract.md §7). */
  async function race<T>(n: number, call: (i: number) => Promise<T>) {
    await openPooledConnections(database.current().db);
    return Promise.allSettled(Array.from({ length: n }, (_, i) => call(i)));
  }

  it('20 concurrent PUTs of one new figure: one creates it, the rest are 409s carrying the stored figure', async () => {
    const analyst = await makeUser('analyst');
    const company = await addCompany(analyst, { name: `Race Figures ${unique()}`, currency: 'EUR' });
    const figure = (i: number) => ({
      companyId: company.id,
      fiscalYear: 2024,
      fiscalQuarter: null,
      metric: 'revenue',
      kind: 'reported',
      value: `${1000 + i}`,
      currency: 'EUR',
    });
    const results = await race(20, (i) => putFigures({ actor: analyst }, parseFigureBatch({ figures: [figure(i)] })));

    const saved = fulfilled(results);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ created: 1 });
    const stored = await listFigures({ actor: analyst }, { company: company.id });
    expect(stored).toHaveLength(1);
    const losers = rejected(results);
    expect(losers).toHaveLength(19);
    for (const error of losers) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current).toEqual(stored[0]);
      expect((error as ConflictError).message).not.toMatch(/figures_natural_key|duplicate key|insert/i);
    }
    const { items } = await listAuditEvents(
      { actor: await makeUser('admin') },
      { entity: 'figure', actor: analyst.label, page: 1 },
    );
    expect(items.map((e) => e.action)).toEqual(['figure.create']);
  });

  it('20 concurrent creates of one company name: one is created, the rest are 422s naming the company', async () => {
    const analyst = await makeUser('analyst');
    const name = `Race Co ${unique()}`;
    const results = await race(20, () => createCompany({ actor: analyst }, companyInputSchema.parse({ name })));

    expect(fulfilled(results).map((c) => c.name)).toEqual([name]);
    const losers = rejected(results);
    expect(losers).toHaveLength(19);
    for (const error of losers) {
      expect(error).toBeInstanceOf(RuleError);
      expect((error as RuleError).message).toBe(`A company named ${name} already exists.`);
      expect((error as RuleError).issues).toEqual([{ path: ['name'], message: `A company named ${name} already exists.` }]);
    }
    const found = await listCompanies({ actor: analyst }, companyFilterSchema.parse({ q: name }));
    expect(found.items.map((c) => c.name)).toEqual([name]);
  });

  it('20 concurrent creates of different companies with one ticker: one is created, the rest are 422s naming its owner', async () => {
    const analyst = await makeUser('analyst');
    const ticker = `T${unique()}`.toUpperCase();
    const prefix = `Ticker Race ${unique()}`;
    const results = await race(20, (i) =>
      createCompany({ actor: analyst }, companyInputSchema.parse({ name: `${prefix} ${i}`, ticker })),
    );

    const created = fulfilled(results);
    expect(created).toHaveLength(1);
    const message = `The ticker ${ticker} belongs to ${created[0]!.name}.`;
    for (const error of rejected(results)) {
      expect(error).toBeInstanceOf(RuleError);
      expect((error as RuleError).issues).toEqual([{ path: ['ticker'], message }]);
    }
  });

  it('10 concurrent creates of different companies naming one new list: all are created, sharing one list', async () => {
    const analyst = await makeUser('analyst');
    const list = `Race List ${unique()}`;
    const results = await race(10, (i) =>
      createCompany({ actor: analyst }, companyInputSchema.parse({ name: `${list} member ${i}`, lists: [list] })),
    );

    expect(rejected(results)).toEqual([]);
    const lists = (await listLists({ actor: analyst })).filter((l) => l.name === list);
    expect(lists).toEqual([{ id: expect.any(String), name: list, companies: 10 }]);
    const { items } = await listAuditEvents(
      { actor: await makeUser('admin') },
      { entity: 'list', actor: analyst.label, page: 1 },
    );
    expect(items.map((e) => e.action)).toEqual(['list.create']);
  });

  it('10 concurrent creates of one list name: one is created, the rest are 422s naming the list', async () => {
    const analyst = await makeUser('analyst');
    const name = `Named Race ${unique()}`;
    const results = await race(10, () => createList({ actor: analyst }, { name }));

    expect(fulfilled(results).map((l) => l.name)).toEqual([name]);
    for (const error of rejected(results)) {
      expect(error).toBeInstanceOf(RuleError);
      expect((error as RuleError).issues).toEqual([{ path: ['name'], message: `A list named ${name} already exists.` }]);
    }
  });

  it('10 concurrent creates of one user email: one is created, the rest are 422s naming the email', async () => {
    const email = `race-${unique()}@test.example`;
    const results = await race(10, (i) =>
      createUser({ actor: SYSTEM_ACTOR }, { email, name: `Racer ${i}`, role: 'viewer', password: TEST_PASSWORD }),
    );

    expect(fulfilled(results)).toHaveLength(1);
    const message = `A user with the email ${email} already exists.`;
    for (const error of rejected(results)) {
      expect(error).toBeInstanceOf(RuleError);
      expect((error as RuleError).issues).toEqual([{ path: ['email'], message }]);
    }
  });

  it('10 concurrent sets of one new FX rate: one creates it, the rest are 409s carrying the stored rate', async () => {
    const analyst = await makeUser('analyst');
    const rate = { currency: 'CHF', year: 1990 };
    const results = await race(10, (i) =>
      setFxRate({ actor: analyst }, setFxRateSchema.parse({ ...rate, usdPerUnit: `1.${i}1` })),
    );

    const saved = fulfilled(results);
    expect(saved).toHaveLength(1);
    const losers = rejected(results);
    expect(losers).toHaveLength(9);
    for (const error of losers) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current).toMatchObject({ ...rate, usdPerUnit: saved[0]!.usdPerUnit, version: 1 });
    }
  });

  it('5 concurrent restores of one deleted figure: one restores it, the rest are 409s', async () => {
    const analyst = await makeUser('analyst');
    const company = await addCompany(analyst, { name: `Restore Race ${unique()}`, currency: 'EUR' });
    const batch = {
      figures: [
        {
          companyId: company.id,
          fiscalYear: 2024,
          fiscalQuarter: null,
          metric: 'revenue',
          kind: 'reported',
          value: '7',
          currency: 'EUR',
        },
      ],
    };
    const [figure] = (await putFigures({ actor: analyst }, parseFigureBatch(batch))).figures;
    await deleteFigure({ actor: analyst }, { id: figure!.id, version: 1 });
    const [deletion] = (await companyFigureHistory({ actor: analyst }, { companyId: company.id })).filter(
      (h) => h.action === 'figure.delete',
    );
    const results = await race(5, () => restoreFigure({ actor: analyst }, { eventId: deletion!.id }));

    expect(fulfilled(results).map((f) => f.id)).toEqual([figure!.id]);
    const losers = rejected(results);
    expect(losers).toHaveLength(4);
    for (const error of losers) expect(error).toBeInstanceOf(ConflictError);
    expect(await listFigures({ actor: analyst }, { company: company.id })).toHaveLength(1);
  });
});
