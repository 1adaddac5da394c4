import { sql } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/types';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { companyYearValue } from '@/lib/domain/figures/calendar';
import { figureInputSchema, type FigureInput } from '@/lib/domain/figures/input';
import type { Basis, FigureValue, Metric } from '@/lib/domain/figures/types';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import {
  figuresOf,
  random,
  universeCompaniesCsv,
  universeFiguresCsv,
  universeFxCsv,
  valueUniverse,
  type Random,
} from '@/lib/testing/value-universe';
import { importCompaniesCsv } from '../company-csv';
import { deleteCompanyPermanently, updateCompany } from '../company-writes';
import { importFiguresCsv } from '../figure-csv';
import { companyFigureHistory, restoreFigure } from '../figure-history';
import { deleteFigure, putFigures } from '../figures';
import { importFxCsv, setFxRate } from '../fx';
import { selectRows } from '../sql-helpers';
import { companyValues } from './company-values';

/**
 * company_values is kept by database triggers (migration 0008). After every write of a random sequence through the
 * data layer — figures put, updated, deleted and restored, a figures import, FX rates set and imported, a fiscal
 * year end changed, a company deleted for good — the table must equal a fresh computation (nothing stale, nothing
 * left over) and `companyValues` must equal the pure reference `companyYearValue` on what the database now holds,
 * digit for digit. A rolled-back write must leave the table as it was.
 */

const YEARS = { from: 2020, to: 2025 };
/** One year either side of the figures: years the table holds no row for, which the reader makes up. */
const READ = { from: 2019, to: 2026 };
const METRICS: Metric[] = ['revenue', 'capex', 'operating_income'];
const FX_CURRENCIES = ['EUR', 'TWD', 'JPY'];

type Tx = Pick<Database, 'execute'>;

interface StoredFigure extends FigureValue {
  id: string;
  companyId: string;
  version: number;
}

interface State {
  companies: { id: string; name: string; fye: number; currency: string; version: number }[];
  figures: StoredFigure[];
  rates: Map<string, { rate: string; version: number }>;
}

async function stateOf(db: Tx): Promise<State> {
  const [companies, figures, rates] = await Promise.all([
    selectRows<State['companies'][number]>(
      db,
      sql`select id, name, fiscal_year_end_month as fye, currency, version from companies order by name_key`,
    ),
    selectRows<StoredFigure>(
      db,
      sql`select id, company_id as "companyId", fiscal_year as "fiscalYear", fiscal_quarter as "fiscalQuarter", metric,
            kind, value::text as value, currency, version
          from figures`,
    ),
    selectRows<{ currency: string; year: number; rate: string; version: number }>(
      db,
      sql`select currency, year, usd_per_unit::text as rate, version from fx_rates`,
    ),
  ]);
  return { companies, figures, rates: new Map(rates.map((r) => [`${r.currency}|${r.year}`, r])) };
}

const COLUMNS = sql`company_id, metric, basis, year, numerator::text as numerator, estimated, code, reason,
  excl_numerator::text as excl_numerator, excl_code, excl_reason`;
const ORDER = sql`order by company_id, metric, basis, year`;

const tableRows = (db: Tx) => selectRows(db, sql`select ${COLUMNS} from company_values ${ORDER}`);
const freshRows = (db: Tx) =>
  selectRows(db, sql`select ${COLUMNS} from company_values_computed(array(select id from companies)) ${ORDER}`);

async function queued(db: Tx): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    db,
    sql`select (select count(*) from company_values_queue) + (select count(*) from company_values_commits) as n`,
  );
  return Number(row!.n);
}

/** The table is what a fresh computation gives, nothing is left queued, and the reader equals the reference. */
async function expectUpToDate(db: Database, step: string): Promise<void> {
  expect(await tableRows(db), `${step}: company_values equals a fresh computation`).toEqual(await freshRows(db));
  expect(await queued(db), `${step}: nothing left queued`).toBe(0);
  const state = await stateOf(db);
  const figuresOfCompany = new Map<string, StoredFigure[]>();
  for (const f of state.figures)
    (figuresOfCompany.get(f.companyId) ?? figuresOfCompany.set(f.companyId, []).get(f.companyId)!).push(f);
  for (const metric of METRICS)
    for (const basis of ['calendar', 'fiscal'] as Basis[])
      for (const estimates of ['include', 'exclude'] as const) {
        const values = await companyValues(db, { ...READ, metric, basis, estimates, companySet: undefined });
        for (let year = READ.from; year <= READ.to; year++) {
          const rows = values.get(year)!;
          expect(rows.map((r) => r.name)).toEqual(state.companies.map((c) => c.name));
          for (const row of rows) {
            const company = state.companies.find((c) => c.id === row.id)!;
            const expected = companyYearValue({
              figures: figuresOfCompany.get(company.id) ?? [],
              fiscalYearEndMonth: company.fye,
              year,
              metric,
              basis,
              estimates,
              usdPerUnit: (currency, y) => state.rates.get(`${currency}|${y}`)?.rate,
            });
            const wanted = expected.ok
              ? { twelfths: expected.twelfths, estimated: expected.estimated, missing: null }
              : { twelfths: null, estimated: false, missing: expected.missing };
            expect(
              { twelfths: row.twelfths, estimated: row.estimated, missing: row.missing },
              `${step}: ${row.name} ${year} ${metric} ${basis} ${estimates}`,
            ).toEqual(wanted);
          }
        }
      }
}

const figureKey = (f: Pick<StoredFigure, 'companyId' | 'fiscalYear' | 'fiscalQuarter' | 'metric' | 'kind'>) =>
  `${f.companyId}|${f.fiscalYear}|${f.fiscalQuarter ?? 0}|${f.metric}|${f.kind}`;

interface Actors {
  analyst: Actor;
  admin: Actor;
}

type Step = (db: Database, r: Random, actors: Actors) => Promise<string>;

/** A PUT of 1–6 figures of one company: new keys are created, stored ones updated at their version. */
const putStep: Step = async (db, r, { analyst }) => {
  const state = await stateOf(db);
  const company = r.pick(state.companies);
  const stored = new Map(state.figures.map((f) => [figureKey(f), f]));
  const batch = new Map<string, FigureInput>();
  for (let i = r.int(1, 6); i > 0; i--) {
    const f = {
      companyId: company.id,
      fiscalYear: r.int(READ.from, READ.to),
      fiscalQuarter: r.next() < 0.6 ? null : (r.int(1, 4) as 1 | 2 | 3 | 4),
      metric: r.pick(METRICS),
      kind: r.pick(['reported', 'estimate'] as const),
    };
    const metricFigures = state.figures.filter(
      (s) => s.companyId === company.id && s.fiscalYear === f.fiscalYear && s.metric === f.metric,
    );
    batch.set(
      figureKey(f),
      figureInputSchema.parse({
        ...f,
        value: r.money(f.metric === 'operating_income'),
        currency: metricFigures[0]?.currency ?? company.currency,
        version: stored.get(figureKey(f))?.version,
      }),
    );
  }
  const result = await putFigures({ actor: analyst }, { figures: [...batch.values()] });
  return `put ${result.created} created, ${result.updated} updated for ${company.name}`;
};

const deleteStep: Step = async (db, r, { analyst }) => {
  const { figures } = await stateOf(db);
  const figure = r.pick(figures);
  await deleteFigure({ actor: analyst }, { id: figure.id, version: figure.version });
  return `delete figure ${figureKey(figure)}`;
};

const restoreStep: Step = async (db, r, actors) => {
  const { companies } = await stateOf(db);
  for (const company of companies) {
    const entry = (await companyFigureHistory({ actor: actors.analyst }, { companyId: company.id })).find((e) => e.restorable);
    if (entry) {
      await restoreFigure({ actor: actors.analyst }, { eventId: entry.id });
      return `restore figure ${entry.figureId}`;
    }
  }
  return deleteStep(db, r, actors);
};

/** figures.csv of whole fiscal years of 1–3 companies: new keys and replaced values. */
const importStep: Step = async (db, r, { analyst }) => {
  const { companies } = await stateOf(db);
  const figures = [];
  for (let i = r.int(1, 3); i > 0; i--) {
    const company = r.pick(companies);
    figures.push(...figuresOf(r, company, r.int(READ.from, READ.to)));
  }
  const unique = [
    ...new Map(figures.map((f) => [`${f.company}|${f.fiscalYear}|${f.fiscalQuarter}|${f.metric}|${f.kind}`, f])).values(),
  ];
  const summary = await importFiguresCsv({ actor: analyst }, { text: universeFiguresCsv(unique), dryRun: false });
  return `import ${summary.created} created, ${summary.updated} updated`;
};

const fxStep: Step = async (db, r, { analyst }) => {
  const { rates } = await stateOf(db);
  if (r.next() < 0.5) {
    const currency = r.pick(FX_CURRENCIES);
    const year = r.int(READ.from, READ.to);
    await setFxRate(
      { actor: analyst },
      { currency, year, usdPerUnit: r.rate(), version: rates.get(`${currency}|${year}`)?.version },
    );
    return `set the ${currency} rate for ${year}`;
  }
  const changed = new Map<string, string>();
  for (let i = r.int(2, 5); i > 0; i--) changed.set(`${r.pick(FX_CURRENCIES)}|${r.int(READ.from, READ.to)}`, r.rate());
  await importFxCsv({ actor: analyst }, { text: universeFxCsv(changed), dryRun: false });
  return `import rates ${[...changed.keys()].join(', ')}`;
};

const fiscalYearEndStep: Step = async (db, r, { analyst }) => {
  const { companies } = await stateOf(db);
  const company = r.pick(companies);
  const fiscalYearEndMonth = r.pick([1, 3, 6, 9, 12].filter((m) => m !== company.fye));
  await updateCompany({ actor: analyst }, { id: company.id, patch: { version: company.version, fiscalYearEndMonth } });
  return `${company.name}'s fiscal year now ends in month ${fiscalYearEndMonth}`;
};

const deleteCompanyStep: Step = async (db, r, { admin }) => {
  const { companies, figures } = await stateOf(db);
  const company = r.pick(companies.filter((c) => figures.some((f) => f.companyId === c.id)));
  await deleteCompanyPermanently({ actor: admin }, company.id);
  return `delete ${company.name} for good`;
};

/**
 * Figures deleted, every rate changed and every fiscal year end moved, the refresh run inside the transaction
 * (`set constraints all immediate`), then a rollback: the table is back as it was.
 */
const rollbackStep: Step = async (db, r) => {
  const before = await tableRows(db);
  const { figures } = await stateOf(db);
  const companyId = r.pick(figures).companyId;
  await expect(
    db.transaction(async (tx) => {
      await tx.execute(sql`delete from figures where company_id = ${companyId}`);
      await tx.execute(sql`update fx_rates set usd_per_unit = usd_per_unit * 2`);
      await tx.execute(sql`update companies set fiscal_year_end_month = case when fiscal_year_end_month = 12 then 6 else 12 end`);
      await tx.execute(sql`set constraints all immediate`);
      const inside = await tableRows(tx);
      expect(inside).not.toEqual(before);
      expect(inside).toEqual(await freshRows(tx));
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  expect(await tableRows(db)).toEqual(before);
  return 'a rolled-back write';
};

/** Every kind of write once, in this order (a restore needs a deletion before it), then random ones. */
const FIRST: Step[] = [
  putStep,
  deleteStep,
  restoreStep,
  importStep,
  fxStep,
  fiscalYearEndStep,
  rollbackStep,
  deleteCompanyStep,
  fxStep,
];
const RANDOM: Step[] = [putStep, putStep, deleteStep, restoreStep, importStep, fxStep, fiscalYearEndStep, rollbackStep];

describe.each(TEST_DRIVERS.flatMap((driver) => [5, 23].map((seed) => [driver, seed] as const)))(
  'company_values kept up to date on %s, seed %i',
  (driver, seed) => {
    const database = useFreshDatabase(driver);
    beforeAll(async () => {
      const u = valueUniverse(seed, 14, YEARS);
      const ctx = { actor: SYSTEM_ACTOR };
      await importCompaniesCsv(ctx, { text: universeCompaniesCsv(u, seed), dryRun: false });
      await importFxCsv(ctx, { text: universeFxCsv(u.rates), dryRun: false });
      await importFiguresCsv(ctx, { text: universeFiguresCsv(u.figures), dryRun: false });
    });

    it('equals a fresh computation and the reference after every write of a random sequence', async () => {
      const { db } = database.current();
      await expectUpToDate(db, 'loaded');

      const actors = { analyst: await makeUser('analyst'), admin: await makeUser('admin') };
      const r = random(seed + 101);
      const steps = [...FIRST, ...Array.from({ length: 8 }, () => r.pick(RANDOM))];
      for (const [i, step] of steps.entries()) {
        const done = await step(db, r, actors);
        await expectUpToDate(db, `step ${i + 1}, ${done}`);
      }
    }, 300_000);

    it('queues a transaction’s statements and refreshes once, at its commit', async () => {
      const { db } = database.current();
      // A company with a revenue value, which adding 1 to its revenue figures changes.
      const [company] = await selectRows<{ id: string; currency: string }>(
        db,
        sql`select c.id, c.currency from companies c
            where exists (select 1 from company_values v where v.company_id = c.id and v.metric = 'revenue' and v.numerator is not null)
            limit 1`,
      );
      const before = await tableRows(db);
      await db.transaction(async (tx) => {
        for (const fiscalYear of [2021, 2022, 2023])
          await tx.execute(
            sql`insert into figures (company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency, updated_by)
                values (${company!.id}, ${fiscalYear}, 3, 'revenue', 'estimate', 1, ${company!.currency}, 'test')
                on conflict do nothing`,
          );
        await tx.execute(sql`update figures set value = value + 1 where company_id = ${company!.id} and metric = 'revenue'`);
        // Three statements queued, one refresh marked for the commit, nothing refreshed yet.
        const [marks] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from company_values_commits`);
        expect(marks!.n).toBe(1);
        expect(await tableRows(tx)).toEqual(before);
      });
      expect(await tableRows(db)).not.toEqual(before);
      await expectUpToDate(db, 'after the transaction');
    }, 120_000);
  },
);

/**
 * Two transactions on two connections (PostgreSQL only: PGlite has one). The first runs its refresh early
 * (`set constraints all immediate`) and holds its locks; the second commits meanwhile and must wait for them,
 * then refresh from what the first committed. Without the locks the second would read the state before the first
 * and leave stale values (a new EUR figure converted at the old rate), or collide with the first's rows.
 */
describe.skipIf(!TEST_DRIVERS.includes('postgres'))('company_values under concurrent writes on postgres', () => {
  const database = useFreshDatabase('postgres');
  beforeAll(async () => {
    const u = valueUniverse(41, 10, YEARS);
    const ctx = { actor: SYSTEM_ACTOR };
    await importCompaniesCsv(ctx, { text: universeCompaniesCsv(u, 41), dryRun: false });
    await importFxCsv(ctx, { text: universeFxCsv(new Map([['EUR|2024', '1.1']])), dryRun: false });
    await importFiguresCsv(ctx, { text: universeFiguresCsv(u.figures), dryRun: false });
  });

  async function interleaved(first: string[], second: string[]): Promise<void> {
    const a = new pg.Client({ connectionString: database.url() });
    const b = new pg.Client({ connectionString: database.url() });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('begin');
      for (const q of first) await a.query(q);
      await a.query('set constraints all immediate');
      await b.query('begin');
      for (const q of second) await b.query(q);
      let committed = false;
      const commit = b.query('commit').then(() => (committed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(committed, 'the second waits for the first').toBe(false);
      await a.query('commit');
      await commit;
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  }

  it('a rate change and a first figure in that currency, committed at the same time', async () => {
    const { db } = database.current();
    // The company with no figures: no EUR figure the rate change could find it by.
    const [company] = await selectRows<{ id: string }>(
      db,
      sql`select c.id from companies c where not exists (select 1 from figures f where f.company_id = c.id) limit 1`,
    );
    await interleaved(
      [`update fx_rates set usd_per_unit = 1.25 where currency = 'EUR' and year = 2024`],
      [
        `insert into figures (company_id, fiscal_year, metric, kind, value, currency, updated_by)
         values ('${company!.id}', 2024, 'revenue', 'reported', 100, 'EUR', 'test')`,
      ],
    );
    await expectUpToDate(db, 'after both');
    const [row] = await selectRows<{ numerator: string }>(
      db,
      sql`select numerator::text as numerator from company_values
          where company_id = ${company!.id} and metric = 'revenue' and basis = 'fiscal' and year = 2024`,
    );
    expect(row!.numerator).toBe('1500.00'); // 100 × 12 × 1.25: the new rate
  });

  it('figures of the same company written by two transactions at the same time', async () => {
    const { db } = database.current();
    const [company] = await selectRows<{ id: string; currency: string }>(
      db,
      sql`select c.id, c.currency from companies c where exists (select 1 from figures f where f.company_id = c.id) limit 1`,
    );
    const upsert = (year: number, value: number) =>
      `insert into figures (company_id, fiscal_year, metric, kind, value, currency, updated_by)
       values ('${company!.id}', ${year}, 'capex', 'reported', ${value}, '${company!.currency}', 'test')
       on conflict (company_id, fiscal_year, coalesce(fiscal_quarter, 0), metric, kind) do update set value = excluded.value`;
    await interleaved([upsert(2021, 7)], [upsert(2022, 9)]);
    await expectUpToDate(db, 'after both');
  });

  it('a company edit waiting on a figure writer of that company: the writer’s refresh at commit still goes through', async () => {
    const { db } = database.current();
    const [company] = await selectRows<{ id: string; currency: string; fye: number }>(
      db,
      sql`select c.id, c.currency, c.fiscal_year_end_month as fye from companies c
          where exists (select 1 from figures f where f.company_id = c.id) limit 1`,
    );
    const a = new pg.Client({ connectionString: database.url() });
    const b = new pg.Client({ connectionString: database.url() });
    await Promise.all([a.connect(), b.connect()]);
    try {
      // The figure insert holds a key-share lock on the company row (its foreign key) until it commits.
      await a.query('begin');
      await a.query(
        `insert into figures (company_id, fiscal_year, metric, kind, value, currency, updated_by)
         values ($1, 2030, 'revenue', 'reported', 5, $2, 'test')`,
        [company!.id, company!.currency],
      );
      // The company form locks the row for update first, so it waits for the figure writer.
      await b.query('begin');
      const edit = b
        .query('select id from companies where id = $1 for update', [company!.id])
        .then(() =>
          b.query('update companies set fiscal_year_end_month = $2 where id = $1', [company!.id, company!.fye === 12 ? 3 : 12]),
        )
        .then(() => b.query('commit'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await a.query('commit');
      await edit;
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    await expectUpToDate(db, 'after both');
  });
});
