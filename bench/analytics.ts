/**
 * Times the analytics endpoints (docs/data-contract.md §5, §7, §9) and the one query behind them on a generated universe of 10,000
 * companies × 20 fiscal years of revenue, capex and operating income, and 100,000 flows between them in one year.
 *   npm run bench:analytics                      # embedded PGlite, in memory
 *   BENCH_DATABASE_URL=postgres://… npm run bench:analytics   # a fresh database on that server
 *   BENCH_EXPLAIN=1 …                            # also print EXPLAIN (ANALYZE, BUFFERS) of the values queries
 *   BENCH_ONLY_FLOWS=1 …                         # only /analytics/flows and its hand-written SQL
 *   STACKLENS_ANALYTICS_CACHE=0 …                # cold endpoints: every answer computed (by default the timed runs
 *                                                # after the warm-up are answered from the cache: warm)
 *   BENCH_PROFILES=20000 …                       # times the values and endpoints with that many exposure profiles
 *                                                # (docs/data-contract.md §2) and without, in alternating rounds
 * Prints a markdown table (one warm-up run, then the median of BENCH_RUNS, default 7); the numbers go into
 * bench/README.md by hand.
 */
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { setProcessDatabase } from '../db/client';
import { openBenchDatabase } from './database';
import type { Database } from '../db/types';
import { SYSTEM_ACTOR, type Actor } from '../lib/domain/actor';
import {
  flowsQuerySchema,
  gapQuerySchema,
  layersQuerySchema,
  profitabilityQuerySchema,
  seriesQuerySchema,
  type FlowsAnswer,
} from '../lib/analytics/schema';
import type { Coverage } from '../lib/domain/analytics';
import { flowAnalytics, gapAnalytics, layerAnalytics, profitabilityAnalytics, seriesAnalytics } from '../lib/dal/analytics';
import { companyValues, type CompanyValuesQuery } from '../lib/dal/analytics/company-values';
import { flowsAggregateOf } from '../lib/dal/analytics/flows';
import { prepareYears, yearPoolAmounts } from '../lib/domain/analytics';
import { importCompaniesCsv } from '../lib/dal/company-csv';
import { importFxCsv } from '../lib/dal/fx';
import { companiesCsv, FIGURES_SQL, FIRST_YEAR, fxCsv, LAST_YEAR, YEAR } from './universe';
import { selectRows } from '../lib/dal/sql-helpers';
import { makeUser } from '../lib/testing/actors';
import { env } from '../lib/env/index.js';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Exposure profiles timed against none, paired round by round (0: no profiles, one column of timings). */
const PROFILES = Number(process.env.BENCH_PROFILES ?? 0);

/** Flows generated in the year of the one-year endpoints. */
const FLOWS = Number(process.env.BENCH_FLOWS ?? 100_000);

/**
 * FLOWS flows in YEAR, written by the database: flow k joins two companies picked by hash, each side in one of its
 * own layers; a fifth are estimates (a few beside a reported flow of their link); the currency is the link's (a
 * fiftieth KRW, which has no rate, so some flows are missing). Keys drawn twice are skipped.
 */
const FLOWS_SQL = sql`
  insert into flows (payer_id, payer_layer, payee_id, payee_layer, year, kind, value, currency, updated_by)
  with co as (select id, row_number() over (order by name_key)::int - 1 as n from companies),
  ex as (
    select e.company_id, e.layer_key, row_number() over (partition by e.company_id order by e.layer_key)::int - 1 as i,
      count(*) over (partition by e.company_id)::int as k
    from exposures e
  ),
  picks as (
    select abs(hashtext('p' || g.k)) % ${COMPANIES}::int as p, abs(hashtext('q' || g.k)) as q, abs(hashtext('v' || g.k)) as v
    from generate_series(1, ${FLOWS}::int) as g(k)
  ),
  links as (
    select pk.v, payer.id as payer_id, payee.id as payee_id
    from picks pk
    join co payer on payer.n = pk.p
    join co payee on payee.n = (pk.p + 1 + pk.q % (${COMPANIES}::int - 1)) % ${COMPANIES}::int
  )
  select l.payer_id, pl.layer_key, l.payee_id, el.layer_key, ${YEAR}::int,
    case when l.v % 5 = 0 then 'estimate'::figure_kind else 'reported' end,
    round((l.v % 100000000) / 100.0, 6),
    case when c.h % 50 = 0 then 'KRW' else (array['USD', 'USD', 'USD', 'EUR', 'TWD', 'USD', 'JPY'])[1 + c.h % 7] end,
    'bench'
  from links l
  join ex pl on pl.company_id = l.payer_id and pl.i = (l.v / 3) % pl.k
  join ex el on el.company_id = l.payee_id and el.i = (l.v / 7) % el.k
  cross join lateral (select abs(hashtext(l.payer_id::text || pl.layer_key || l.payee_id::text || el.layer_key)) as h) c
  on conflict do nothing`;

async function once<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label}: ${count(Math.round(performance.now() - started))} ms`);
  return result;
}

const table: string[] = ['| step | median | min–max | answer |', '|---|---:|---:|---|'];
const count = (n: number) => n.toLocaleString('en-US');

/** One timed step: what it runs, and how its answer is described in the table. */
interface Step {
  label: string;
  run: () => Promise<unknown>;
  describe: (result: never) => string;
}

function step<T>(label: string, run: () => Promise<T>, describe: (result: T) => string): Step {
  return { label, run, describe: describe as (result: never) => string };
}

const ms = (t: number) => `${count(Math.round(t))} ms`;
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const spread = (times: number[]) => `${ms(Math.min(...times))}–${ms(Math.max(...times))}`;

/** Each step: a warm-up run, then RUNS timed ones; the answer of the last run is described in the table. */
async function bench(steps: readonly Step[]): Promise<void> {
  for (const { label, run, describe } of steps) {
    await run();
    const times: number[] = [];
    let result!: never;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      result = (await run()) as never;
      times.push(performance.now() - started);
    }
    table.push(`| ${label} | ${ms(median(times))} | ${spread(times)} | ${describe(result)} |`);
  }
}

/**
 * The steps with and without PROFILES exposure profiles, paired: a warm-up round in each state, then RUNS rounds
 * of each, alternating which state goes first (none–with, with–none, …), every step once per round. A load that
 * drifts during the run then weighs on both columns alike, which timing one state after the other cannot promise.
 */
async function benchPaired(db: Database, steps: readonly Step[]): Promise<void> {
  const times = new Map<string, { none: number[]; with: number[] }>(steps.map((s) => [s.label, { none: [], with: [] }]));
  const answers = new Map<string, string>();
  const round = async (state: 'none' | 'with', timed: boolean) => {
    await setProfiles(db, state === 'with' ? PROFILES : 0);
    for (const { label, run, describe } of steps) {
      const started = performance.now();
      const result = (await run()) as never;
      if (timed) times.get(label)![state].push(performance.now() - started);
      if (state === 'with') answers.set(label, describe(result));
    }
  };
  await round('none', false);
  await round('with', false);
  for (let i = 0; i < RUNS; i++)
    for (const state of i % 2 === 0 ? (['none', 'with'] as const) : (['with', 'none'] as const)) await round(state, true);
  await setProfiles(db, 0); // what follows times a universe without profiles
  table.push(
    '',
    `| step (${count(PROFILES)} profiles paired) | no profiles | with profiles | difference of medians | answer with profiles |`,
    '|---|---:|---:|---:|---|',
  );
  for (const { label } of steps) {
    const { none, with: withProfiles } = times.get(label)!;
    const difference = median(withProfiles) - median(none);
    table.push(
      `| ${label} | ${ms(median(none))} (${spread(none)}) | ${ms(median(withProfiles))} (${spread(withProfiles)}) | ${difference >= 0 ? '+' : '−'}${ms(Math.abs(difference))} | ${answers.get(label)} |`,
    );
  }
}

/** The statements `run` sends through `db`, caught on their way to the database. */
async function statementsSent(db: Database, run: (spy: Database) => Promise<unknown>): Promise<SQL[]> {
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
  await run(spy);
  return sent;
}

/** The values query exactly as `companyValues` sends it. */
async function valuesSqlOf(db: Database, query: CompanyValuesQuery): Promise<SQL> {
  const dialect = new PgDialect();
  const values = (await statementsSent(db, (spy) => companyValues(spy, query))).find((q) =>
    dialect.sqlToQuery(q).sql.includes('company_values'),
  );
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
  await once(`insert ${count(FLOWS)} flows (generate_series)`, () => db.execute(FLOWS_SQL));
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
 * Each company's profiles differ in key, so 20,000 profiles give two to each of 10,000 companies. The layers follow
 * from the company and scope, so every insert writes the same profiles.
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
    returning id, company_id, scope, from_year
  )
  insert into profile_exposures (profile_id, layer_key, share)
  select p.id, l.key, l.share from inserted p
  cross join lateral (values
    ((array['infrastructure','chips','data','models','execution','application'])[1 + abs(hashtext(p.company_id::text || p.scope::text)) % 6],
      case when p.scope = 'capex' then 0.9 else 0.6 end),
    ((array['infrastructure','chips','data','models','execution','application'])[1 + (abs(hashtext(p.company_id::text || p.scope::text)) + 1) % 6],
      case when p.scope = 'capex' then null else 0.3 end)
  ) as l(key, share)
  where l.share is not null`;

/** Exactly `n` exposure profiles in the database (0: none), then fresh statistics, as autovacuum would leave them. */
async function setProfiles(db: Database, n: number): Promise<void> {
  await db.execute(sql`delete from exposure_profiles`);
  if (n > 0) await db.execute(profilesSql(n));
  await db.execute(sql`vacuum analyze exposure_profiles, profile_exposures`);
  // The writes flushed now, so neither state's timings pay for the other's writes to disk.
  await db.execute(sql`checkpoint`);
}

/** Times writing the profiles once, and says what they are. */
async function describeProfiles(db: Database): Promise<void> {
  await once(`insert ${count(PROFILES)} exposure profiles, vacuum analyze`, () => setProfiles(db, PROFILES));
  const [stored] = await selectRows<{ profiles: number; companies: number; shares: number }>(
    db,
    sql`select count(*)::int as profiles, count(distinct company_id)::int as companies,
          (select count(*)::int from profile_exposures) as shares from exposure_profiles`,
  );
  console.log(
    `${count(stored!.profiles)} profiles on ${count(stored!.companies)} companies, ${count(stored!.shares)} profile shares\n`,
  );
  await setProfiles(db, 0);
}

async function explain(db: Database, query: SQL): Promise<void> {
  const plan = await selectRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`);
  console.log(plan.map((r) => r['QUERY PLAN']).join('\n') + '\n');
}

/** The values query on its own, then with what `companyValues` adds (the shares query, the division by 12). */
async function valuesSteps(db: Database): Promise<Step[]> {
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
  return [
    step(`values SQL alone, ${YEAR}, calendar`, () => selectRows(db, oneYear), rowCount),
    step(`values SQL alone, ${FIRST_YEAR - 1}–${LAST_YEAR}, calendar`, () => selectRows(db, series), rowCount),
    step(
      `companyValues(), ${YEAR}, calendar`,
      () => companyValues(db, query(YEAR, YEAR)),
      (r) => `${count(r.get(YEAR)!.filter((c) => c.twelfths !== null).length)} with a value`,
    ),
  ];
}

function endpointSteps(viewer: Actor): Step[] {
  const year = String(YEAR);
  const ctx = { actor: viewer };
  const layers = (label: string, params: Record<string, string>) =>
    step(
      `/layers ${YEAR}, ${label}`,
      () => layerAnalytics(ctx, layersQuerySchema.parse({ year, ...params })),
      (r) => `total ${usd(r.total)}; ${covered(r.coverage)}`,
    );
  return [
    layers('calendar, all companies', {}),
    layers('list=Portfolio', { list: 'Portfolio' }),
    layers('basis=fiscal', { basis: 'fiscal' }),
    layers('estimates=exclude', { estimates: 'exclude' }),
    layers('metric=operating_income', { metric: 'operating_income' }),
    step(
      `/series ${FIRST_YEAR}–${LAST_YEAR}`,
      () => seriesAnalytics(ctx, seriesQuerySchema.parse({ from: FIRST_YEAR, to: LAST_YEAR })),
      (r) => `${r.years.length} years; ${LAST_YEAR}: ${covered(r.years.at(-1)!.coverage)}`,
    ),
    step(
      `/profitability ${YEAR}`,
      () => profitabilityAnalytics(ctx, profitabilityQuerySchema.parse({ year })),
      (r) => `revenue ${covered(r.coverage.revenue)}; operating income ${covered(r.coverage.operatingIncome)}`,
    ),
    step(
      `/gap ${YEAR}`,
      () => gapAnalytics(ctx, gapQuerySchema.parse({ year })),
      (r) => `gap ${usd(r.years[0]!.gap)}`,
    ),
  ];
}

/**
 * The whole /analytics/flows answer for YEAR, all companies, written by hand as one statement: the revenue pools from
 * company_values and exposures (divided by 12 in SQL, not rounded as the app does) and the flows' choice, scope, USD
 * value, matrix, inflows and outflows over I, internal total, top 20 and missing count. What the endpoint is
 * measured against (issue 16: within 2× of it).
 */
const FLOWS_ANSWER_SQL = sql`
  with s as (select id, name, name_key from companies where not archived),
  i as (
    select cv.company_id as id, cv.numerator / 12 as v, cv.estimated
    from company_values cv join s on s.id = cv.company_id
    where cv.metric = 'revenue' and cv.basis = 'calendar' and cv.year = ${YEAR}::int and cv.numerator is not null
  ),
  pools as (select e.layer_key, sum(e.share * i.v) as pool from i join exposures e on e.company_id = i.id group by 1),
  chosen as (
    select distinct on (payer_id, payer_layer, payee_id, payee_layer) *
    from flows where year = ${YEAR}::int
    order by payer_id, payer_layer, payee_id, payee_layer, kind
  ),
  scoped as (
    select c.*, pr.name_key as payer_key, pe.name_key as payee_key,
      case when c.currency = 'USD' then c.value else c.value * r.usd_per_unit end as usd,
      ip.id is not null as payer_in_i, ie.id is not null as payee_in_i
    from chosen c
    join companies pr on pr.id = c.payer_id and not pr.archived
    join companies pe on pe.id = c.payee_id and not pe.archived
    left join fx_rates r on r.currency = c.currency and r.year = ${YEAR}::int
    left join i ip on ip.id = c.payer_id
    left join i ie on ie.id = c.payee_id
  ),
  known as (select * from scoped where usd is not null),
  inflows as (select payee_layer as key, sum(usd) as inflow from known where payee_in_i group by 1),
  outflows as (select payer_layer as key, sum(usd) as outflow from known where payer_in_i group by 1),
  layered as (
    select l.key, l.position, coalesce(p.pool, 0) as pool, coalesce(fi.inflow, 0) as inflow, coalesce(fo.outflow, 0) as outflow
    from layers l
    left join pools p on p.layer_key = l.key
    left join inflows fi on fi.key = l.key
    left join outflows fo on fo.key = l.key
  )
  select
    (select json_agg(json_build_object('key', key, 'pool', pool::text, 'external', (pool - inflow)::text,
       'retained', (pool - outflow)::text) order by position) from layered) as layers,
    (select json_agg(x) from (select payer_layer, payee_layer, sum(usd)::text, count(*) from known group by 1, 2) x) as matrix,
    (select sum(usd)::text from known where payer_in_i and payee_in_i) as internal,
    (select json_agg(t) from (select id, usd::text from known order by usd desc, payer_key collate "C", payee_key collate "C",
       payer_layer, payee_layer limit 20) t) as top,
    (select count(*) from scoped where usd is null) as missing`;

/** /analytics/flows through the data layer next to the hand-written statement of the whole answer. */
async function timeFlows(db: Database, viewer: Actor): Promise<void> {
  const query = flowsQuerySchema.parse({ year: String(YEAR) });
  const values = await companyValues(db, {
    from: YEAR,
    to: YEAR,
    metric: 'revenue',
    basis: 'calendar',
    estimates: 'include',
    companySet: undefined,
  });
  const prepared = prepareYears(values);
  const inputs = {
    companySet: undefined,
    included: [...prepared.year(YEAR).ids],
    pools: yearPoolAmounts(prepared, YEAR),
    listed: 50,
  };
  const [flowsSql] = await statementsSent(db, (spy) => flowsAggregateOf(spy, query, inputs));
  if (process.env.BENCH_EXPLAIN) for (const q of [FLOWS_ANSWER_SQL, flowsSql!]) await explain(db, q);
  const answer = (params: Record<string, string>) => () =>
    flowAnalytics({ actor: viewer }, flowsQuerySchema.parse({ year: String(YEAR), ...params }));
  const described = (r: FlowsAnswer) =>
    `${count(r.coverage.included)} flows in, ${count(r.coverage.missingCount)} missing; internal ${usd(r.total.internal)}`;
  await bench([
    step(
      `hand-written SQL of the whole /flows answer, ${YEAR}`,
      () => selectRows(db, FLOWS_ANSWER_SQL),
      () => 'one row',
    ),
    step(
      `the endpoint's flows statement alone, ${YEAR}`,
      () => selectRows(db, flowsSql!),
      () => 'one row',
    ),
    step(`/flows ${YEAR}, all companies`, answer({}), described),
    step(`/flows ${YEAR}, list=Portfolio`, answer({ list: 'Portfolio' }), described),
    step(`/flows ${YEAR}, estimates=exclude`, answer({ estimates: 'exclude' }), described),
  ]);
}

async function main() {
  const { db: opened, drop } = await openBenchDatabase();
  setProcessDatabase(opened);
  console.log(opened.describe);
  const cache = env().STACKLENS_ANALYTICS_CACHE;
  console.log(cache > 0 ? `analytics cache on (${cache} answers): warm endpoints` : 'analytics cache off: cold endpoints');
  await load(opened.db);
  const viewer = await makeUser('viewer');
  if (!process.env.BENCH_ONLY_FLOWS) {
    const steps = [...(await valuesSteps(opened.db)), ...endpointSteps(viewer)];
    if (PROFILES > 0) {
      await describeProfiles(opened.db);
      await benchPaired(opened.db, steps);
    } else await bench(steps);
  }
  await timeFlows(opened.db, viewer);
  console.log(table.join('\n'));
  console.log(`\npeak RSS: ${count(Math.round(process.resourceUsage().maxRSS / 1024))} MB`);
  await opened.close();
  await drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
