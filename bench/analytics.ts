/**
 * Times the analytics endpoints (docs/data-contract.md §5, §7) and the one query behind them on a generated universe of 10,000
 * companies × 20 fiscal years of revenue, capex and operating income.
 *   npm run bench:analytics                      # embedded PGlite, in memory
 *   BENCH_DATABASE_URL=postgres://… npm run bench:analytics   # a fresh database on that server
 *   BENCH_EXPLAIN=1 …                            # also print EXPLAIN (ANALYZE, BUFFERS) of the values queries
 *   STACKLENS_ANALYTICS_CACHE=0 …                # cold endpoints: every answer computed (by default the timed runs
 *                                                # after the warm-up are answered from the cache: warm)
 *   BENCH_PROFILES=20000 …                       # then adds that many exposure profiles (docs/data-contract.md §2)
 *                                                # and times everything again, so with and without pair in one run
 * Prints a markdown table (one warm-up run, then the median of BENCH_RUNS, default 7); the numbers go into
 * bench/README.md by hand.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { setProcessDatabase } from '../db/client';
import { openBenchDatabase } from './database';
import type { Database } from '../db/types';
import { SYSTEM_ACTOR, type Actor } from '../lib/domain/actor';
import { gapQuerySchema, layersQuerySchema, profitabilityQuerySchema, seriesQuerySchema } from '../lib/analytics/schema';
import type { Coverage } from '../lib/domain/analytics';
import { gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from '../lib/dal/analytics';
import { companyValues, type CompanyValuesQuery } from '../lib/dal/analytics/company-values';
import { importCompaniesCsv } from '../lib/dal/company-csv';
import { importFxCsv } from '../lib/dal/fx';
import { companiesCsv, FIGURES_SQL, FIRST_YEAR, fxCsv, LAST_YEAR, YEAR } from './universe';
import { selectRows } from '../lib/dal/sql-helpers';
import { makeUser } from '../lib/testing/actors';
import { env } from '../lib/env/index.js';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Exposure profiles added for the second round of timings (0: one round, without profiles). */
const PROFILES = Number(process.env.BENCH_PROFILES ?? 0);
/** Appended to every step's label: which round of timings it is. */
let round = '';

async function once<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${count(Math.round(performance.now() - started))} ms`);
  return result;
}

const table: string[] = ['| step | median | min–max | answer |', '|---|---:|---:|---|'];
const count = (n: number) => n.toLocaleString('en-US');

/** A warm-up run, then RUNS timed ones; the answer of the last run is described in the table. */
async function bench<T>(label: string, run: () => Promise<T>, describe: (result: T) => string): Promise<void> {
  await run();
  const times: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = (t: number) => `${count(Math.round(t))} ms`;
  table.push(
    `| ${label}${round} | ${ms(times[Math.floor(RUNS / 2)]!)} | ${ms(times[0]!)}–${ms(times.at(-1)!)} | ${describe(result)} |`,
  );
}

/** The values query exactly as `companyValues` sends it, caught on its way to the database. */
async function valuesSqlOf(db: Database, query: CompanyValuesQuery): Promise<SQL> {
  const dialect = new PgDialect();
  const sent: SQL[] = [];
  const spy = new Proxy(db, {
    get: (target, key, receiver) =>
      key === 'execute'
        ? (q: SQL) => {
            sent.push(q);
            return target.execute(q);
          }
        : Reflect.get(target, key, receiver),
  });
  await companyValues(spy, query);
  const values = sent.find((q) => dialect.sqlToQuery(q).sql.includes('company_values'));
  if (!values) throw new Error('companyValues sent no values query.');
  return values;
}

const covered = (c: Coverage) => `${count(c.included)} in, ${count(c.missingCount)} missing`;
const usd = (n: number | null) => (n === null ? 'null' : `$${count(Math.round(n))}m`);

async function load(db: Database): Promise<void> {
  await once('import companies.csv', () =>
    importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: companiesCsv(COMPANIES), dryRun: false }),
  );
  await once('import fx.csv', () => importFxCsv({ actor: SYSTEM_ACTOR }, { text: fxCsv(), dryRun: false }));
  // One statement: its trigger queues every company, and company_values is filled at its commit.
  await once('insert figures (generate_series), company_values filled at commit', () => db.execute(FIGURES_SQL));
  // What migration 0008 does to an existing database of this size, and what a full rebuild costs.
  await once('refresh_company_values(every company)', () =>
    db.execute(sql`select refresh_company_values(array(select id from companies))`),
  );
  // The state PostgreSQL's autovacuum reaches soon after a bulk insert: statistics, and a visibility map that lets
  // the planner answer from an index alone. Embedded PGlite never runs autovacuum (see bench/README.md).
  await once('vacuum analyze', () => db.execute(sql`vacuum analyze`));
  const [figures] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from figures`);
  const [stored] = await selectRows<{ n: number; size: string }>(
    db,
    sql`select count(*)::int as n, pg_size_pretty(pg_total_relation_size('company_values')) as size from company_values`,
  );
  console.log(
    `${count(COMPANIES)} companies, ${count(figures!.n)} figures; company_values: ${count(stored!.n)} rows, ${stored!.size}\n`,
  );
}

/**
 * `count` exposure profiles over the universe, written by the database: per company in name order, a capex profile
 * from the beginning (infrastructure 0.9, the rest outside), then one dated profile — all, revenue or operating
 * income by turn, from a year in 2010–2022 — on one or two layers; and so on round the companies until `count`.
 * Each company's profiles differ in key, so 20,000 profiles give two to each of 10,000 companies.
 */
const profilesSql = (n: number) => sql`
  with co as (select id, row_number() over (order by name_key)::int as i from companies),
  wanted as (
    select co.id, k, co.i from co cross join generate_series(0, ${Math.ceil(n / COMPANIES) - 1}::int) as k
    order by k, co.i limit ${n}::int
  ),
  inserted as (
    insert into exposure_profiles (company_id, scope, from_year)
    select id,
      (case when k = 0 then 'capex' else (array['all', 'revenue', 'operating_income'])[1 + (i + k) % 3] end)::profile_scope,
      case when k = 0 then null else 2010 + (i * 7 + k) % 13 end
    from wanted
    returning id, scope, from_year
  )
  insert into profile_exposures (profile_id, layer_key, share)
  select p.id, l.key, l.share from inserted p
  cross join lateral (values
    ((array['infrastructure','chips','data','models','execution','application'])[1 + abs(hashtext(p.id::text)) % 6],
      case when p.scope = 'capex' then 0.9 else 0.6 end),
    ((array['infrastructure','chips','data','models','execution','application'])[1 + (abs(hashtext(p.id::text)) + 1) % 6],
      case when p.scope = 'capex' then null else 0.3 end)
  ) as l(key, share)
  where l.share is not null`;

async function addProfiles(db: Database, n: number): Promise<void> {
  await once(`insert ${count(n)} exposure profiles`, () => db.execute(profilesSql(n)));
  await once('vacuum analyze', () => db.execute(sql`vacuum analyze`));
  const [stored] = await selectRows<{ profiles: number; companies: number; shares: number }>(
    db,
    sql`select count(*)::int as profiles, count(distinct company_id)::int as companies,
          (select count(*)::int from profile_exposures) as shares from exposure_profiles`,
  );
  console.log(
    `${count(stored!.profiles)} profiles on ${count(stored!.companies)} companies, ${count(stored!.shares)} profile shares\n`,
  );
}

async function explain(db: Database, query: SQL): Promise<void> {
  const plan = await selectRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n') + '\n');
}

/** The values query on its own, then with what `companyValues` adds (the shares query, the division by 12). */
async function timeValues(db: Database): Promise<void> {
  const query = (from: number, to: number): CompanyValuesQuery => ({
    from,
    to,
    metric: 'revenue',
    basis: 'calendar',
    estimates: 'include',
    companySet: undefined,
  });
  const oneYear = await valuesSqlOf(db, query(YEAR, YEAR));
  // /series also reads the year before `from`, for the first year's growth.
  const series = await valuesSqlOf(db, query(FIRST_YEAR - 1, LAST_YEAR));
  if (process.env.BENCH_EXPLAIN) for (const q of [oneYear, series]) await explain(db, q);
  const rowCount = (r: unknown[]) => `${count(r.length)} rows`;
  await bench(`values SQL alone, ${YEAR}, calendar`, () => selectRows(db, oneYear), rowCount);
  await bench(`values SQL alone, ${FIRST_YEAR - 1}–${LAST_YEAR}, calendar`, () => selectRows(db, series), rowCount);
  await bench(
    `companyValues(), ${YEAR}, calendar`,
    () => companyValues(db, query(YEAR, YEAR)),
    (r) => `${count(r.get(YEAR)!.filter((c) => c.value !== null).length)} with a value`,
  );
}

async function timeEndpoints(viewer: Actor): Promise<void> {
  const year = String(YEAR);
  const ctx = { actor: viewer };
  const layers = (label: string, params: Record<string, string>) =>
    bench(
      `/layers ${YEAR}, ${label}`,
      () => layerAnalytics(ctx, layersQuerySchema.parse({ year, ...params })),
      (r) => `total ${usd(r.total)}; ${covered(r.coverage)}`,
    );
  await layers('calendar, all companies', {});
  await layers('list=Portfolio', { list: 'Portfolio' });
  await layers('basis=fiscal', { basis: 'fiscal' });
  await layers('estimates=exclude', { estimates: 'exclude' });
  await layers('metric=operating_income', { metric: 'operating_income' });
  await bench(
    `/series ${FIRST_YEAR}–${LAST_YEAR}`,
    () => seriesAnalytics(ctx, seriesQuerySchema.parse({ from: FIRST_YEAR, to: LAST_YEAR })),
    (r) => `${r.years.length} years; ${LAST_YEAR}: ${covered(r.years.at(-1)!.coverage)}`,
  );
  await bench(
    `/profitability ${YEAR}`,
    () => profitabilityAnalytics(ctx, profitabilityQuerySchema.parse({ year })),
    (r) => `revenue ${covered(r.coverage.revenue)}; operating income ${covered(r.coverage.operatingIncome)}`,
  );
  await bench(
    `/gap ${YEAR}`,
    () => gapAnalytics(ctx, gapQuerySchema.parse({ year })),
    (r) => `gap ${usd(r.years[0]!.gap)}`,
  );
}

async function main() {
  const { db: opened, drop } = await openBenchDatabase();
  setProcessDatabase(opened);
  console.log(opened.describe);
  const cache = env().STACKLENS_ANALYTICS_CACHE;
  console.log(cache > 0 ? `analytics cache on (${cache} answers): warm endpoints` : 'analytics cache off: cold endpoints');
  await load(opened.db);
  const viewer = await makeUser('viewer');
  if (PROFILES > 0) round = ', no profiles';
  await timeValues(opened.db);
  await timeEndpoints(viewer);
  if (PROFILES > 0) {
    await addProfiles(opened.db, PROFILES);
    round = `, ${count(PROFILES)} profiles`;
    await timeValues(opened.db);
    await timeEndpoints(viewer);
  }
  console.log(table.join('\n'));
  console.log(`\npeak RSS: ${count(Math.round(process.resourceUsage().maxRSS / 1024))} MB`);
  await opened.close();
  await drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
