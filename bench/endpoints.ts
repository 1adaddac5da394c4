/**
 * Each analytics answer side by side, in one run on one generated universe (bench/universe.ts): the data-layer
 * function cold (the data version moved before each run, so the answer is computed) and warm (answered from the
 * cache), the same over HTTP against the production server (`next start` with STACKLENS_ANALYTICS_CACHE=0 for cold,
 * then with the cache for warm), and the hand-written SQL of bench/hand-sql over the base tables, with the ratio
 * of each cold time to the hand SQL. Before timing anything it checks that the hand SQL gives the API's numbers,
 * and stops if not.
 *   npm run build && npm run bench:endpoints                   # embedded PGlite (a data folder in /tmp)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:endpoints     # a fresh database on that server, dropped after
 *   BENCH_COMPANIES=1000 BENCH_RUNS=5 BENCH_PORT=3441           # the defaults
 *   BENCH_EXPLAIN=1 …                                           # also print EXPLAIN ANALYZE of each hand SQL
 *   BENCH_EXPLAIN=only …                                        # only that (and the check), no timings
 *   BENCH_ONLY=dashboard …                                      # only the endpoints whose label contains that
 *   BENCH_HTTP=0 …                                              # the data layer and the hand SQL only (no build needed)
 * Prints markdown; the numbers go into bench/README.md by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { setProcessDatabase } from '../db/client';
import type { Database } from '../db/types';
import {
  gapQuerySchema,
  layersQuerySchema,
  profitabilityQuerySchema,
  seriesQuerySchema,
  SERIES_YEARS,
} from '../lib/analytics/schema';
import type { Actor } from '../lib/domain/actor';
import { parseDashboardFilters } from '../lib/domain/dashboard/filters';
import { dashboardQueries } from '../lib/analytics/dashboard-queries';
import {
  defaultAnalyticsYear,
  gapAnalytics,
  layerAnalytics,
  profitabilityAnalytics,
  seriesAnalytics,
} from '../lib/dal/analytics';
import { layerDetailAnalytics } from '../lib/dal/analytics/layer-detail';
import { companyCountries } from '../lib/dal/companies';
import { listLists } from '../lib/dal/lists';
import { makeUser, TEST_PASSWORD } from '../lib/testing/actors';
import {
  compareGap,
  compareLayerDetail,
  compareLayers,
  compareProfitability,
  compareSeries,
  type HandGap,
  type HandLayer,
  type HandLayerRow,
  type HandProfitability,
  type HandSeries,
} from './compare';
import { openBenchDatabase } from './database';
import { handSqlText, runHandSql } from './hand-sql';
import { selectRows } from '../lib/dal/sql-helpers';
import { startServer } from './server';
import { FIRST_YEAR, LAST_YEAR, writeUniverse, YEAR } from './universe';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3441);
/** The dashboard's range for YEAR: the series and gap charts' eight years. */
const RANGE_FROM = YEAR - SERIES_YEARS + 1;
const LAYER = 'chips';
/** The latest year the default-year search starts from, as the page does. */
const LATEST = new Date().getUTCFullYear();

interface Endpoint {
  label: string;
  dataLayer: (actor: Actor) => Promise<unknown>;
  /** The path fetched over HTTP: the API's answer, or the page's whole HTML. */
  http: string;
  hand: (db: Database) => Promise<unknown>;
}

/** The dashboard's reads as the page makes them: lists, countries and the default year, then four answers at once. */
async function dashboardData(actor: Actor): Promise<void> {
  const ctx = { actor };
  const [, , year] = await Promise.all([listLists(ctx), companyCountries(ctx), defaultAnalyticsYear(ctx, {})]);
  const queries = dashboardQueries({ ...parseDashboardFilters({}), year: year ?? LATEST - 1 });
  await Promise.all([
    layerAnalytics(ctx, queries.layers),
    seriesAnalytics(ctx, queries.series),
    profitabilityAnalytics(ctx, queries.profitability),
    gapAnalytics(ctx, queries.gap),
  ]);
}

/** The same in hand SQL, one statement after the other. */
async function dashboardHand(db: Database): Promise<void> {
  const [head] = await runHandSql<{ default_year: number | null }>(db, 'dashboard', { latest: LATEST });
  const year = head!.default_year ?? LATEST - 1;
  const from = Math.max(FIRST_YEAR, year - SERIES_YEARS + 1);
  await runHandSql(db, 'layers', { year });
  await runHandSql(db, 'series', { from, to: year });
  await runHandSql(db, 'profitability', { year });
  await runHandSql(db, 'gap', { from, to: year, g: 0.5, m: 0.5 });
}

const ALL_ENDPOINTS: Endpoint[] = [
  {
    label: `/layers ${YEAR}`,
    dataLayer: (actor) => layerAnalytics({ actor }, layersQuerySchema.parse({ year: YEAR })),
    http: `/api/v1/analytics/layers?year=${YEAR}`,
    hand: (db) => runHandSql(db, 'layers', { year: YEAR }),
  },
  {
    label: `/series ${FIRST_YEAR}–${LAST_YEAR}`,
    dataLayer: (actor) => seriesAnalytics({ actor }, seriesQuerySchema.parse({ from: FIRST_YEAR, to: LAST_YEAR })),
    http: `/api/v1/analytics/series?from=${FIRST_YEAR}&to=${LAST_YEAR}`,
    hand: (db) => runHandSql(db, 'series', { from: FIRST_YEAR, to: LAST_YEAR }),
  },
  {
    label: `/profitability ${YEAR}`,
    dataLayer: (actor) => profitabilityAnalytics({ actor }, profitabilityQuerySchema.parse({ year: YEAR })),
    http: `/api/v1/analytics/profitability?year=${YEAR}`,
    hand: (db) => runHandSql(db, 'profitability', { year: YEAR }),
  },
  {
    label: `/gap ${RANGE_FROM}–${YEAR}`,
    dataLayer: (actor) => gapAnalytics({ actor }, gapQuerySchema.parse({ from: RANGE_FROM, to: YEAR })),
    http: `/api/v1/analytics/gap?from=${RANGE_FROM}&to=${YEAR}`,
    hand: (db) => runHandSql(db, 'gap', { from: RANGE_FROM, to: YEAR, g: 0.5, m: 0.5 }),
  },
  {
    label: `layer page, ${LAYER} ${YEAR}`,
    dataLayer: (actor) => layerDetailAnalytics({ actor }, { ...layersQuerySchema.parse({ year: YEAR }), layer: LAYER }),
    http: `/layers/${LAYER}?year=${YEAR}`,
    hand: (db) => runHandSql(db, 'layer', { year: YEAR, layer: LAYER }),
  },
  { label: 'dashboard page', dataLayer: dashboardData, http: '/', hand: dashboardHand },
];

const ENDPOINTS = ALL_ENDPOINTS.filter((e) => e.label.includes(process.env.BENCH_ONLY ?? ''));

const count = (n: number) => n.toLocaleString('en-US');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

/** RUNS timed runs of `run`, each after `prepare` (untimed); the median in ms. */
async function timed(run: () => Promise<unknown>, prepare: () => Promise<unknown> = async () => undefined): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await prepare();
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** A write that moves the data version and nothing else, so the next answer of every query is computed. */
const moveVersion = (db: Database) =>
  db.execute(sql`update data_version set version = version + 1, changed_at = clock_timestamp() where id = 1`);

async function checkHandSql(db: Database, actor: Actor): Promise<void> {
  const ctx = { actor };
  const issues = [
    ...compareLayers(
      await layerAnalytics(ctx, layersQuerySchema.parse({ year: YEAR })),
      await runHandSql<HandLayer>(db, 'layers', { year: YEAR }),
    ),
    ...compareSeries(
      await seriesAnalytics(ctx, seriesQuerySchema.parse({ from: FIRST_YEAR, to: LAST_YEAR })),
      await runHandSql<HandSeries>(db, 'series', { from: FIRST_YEAR, to: LAST_YEAR }),
    ),
    ...compareProfitability(
      await profitabilityAnalytics(ctx, profitabilityQuerySchema.parse({ year: YEAR })),
      await runHandSql<HandProfitability>(db, 'profitability', { year: YEAR }),
    ),
    ...compareGap(
      await gapAnalytics(ctx, gapQuerySchema.parse({ from: RANGE_FROM, to: YEAR })),
      await runHandSql<HandGap>(db, 'gap', { from: RANGE_FROM, to: YEAR, g: 0.5, m: 0.5 }),
    ),
    ...compareLayerDetail(
      await layerDetailAnalytics(ctx, { ...layersQuerySchema.parse({ year: YEAR }), layer: LAYER }),
      await runHandSql<HandLayerRow>(db, 'layer', { year: YEAR, layer: LAYER }),
    ),
  ];
  if (issues.length > 0)
    throw new Error(`The hand SQL and the API disagree (${issues.length}):\n${issues.slice(0, 40).join('\n')}`);
  console.log('hand SQL = API: layers, series, profitability, gap and layer detail, all money to 6 decimals half-even');
}

/** The plan of each hand SQL statement, as the endpoints run it. */
async function explainHandSql(db: Database): Promise<void> {
  const statements = [
    handSqlText('layers', { year: YEAR }),
    handSqlText('series', { from: FIRST_YEAR, to: LAST_YEAR }),
    handSqlText('profitability', { year: YEAR }),
    handSqlText('gap', { from: RANGE_FROM, to: YEAR, g: 0.5, m: 0.5 }),
    handSqlText('layer', { year: YEAR, layer: LAYER }),
    handSqlText('dashboard', { latest: LATEST }),
  ];
  for (const text of statements) {
    const plan = await selectRows<{ 'QUERY PLAN': string }>(db, sql.raw(`explain (analyze, buffers) ${text}`));
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n') + '\n');
  }
}

type Times = Record<string, number>;

async function timeHttp(
  server: { base: string; signIn(email: string, password: string): Promise<string> },
  email: string,
): Promise<Times> {
  const cookie = await server.signIn(email, TEST_PASSWORD);
  const times: Times = {};
  for (const endpoint of ENDPOINTS) {
    const fetchOnce = async () => {
      const response = await fetch(server.base + endpoint.http, { headers: { cookie } });
      const body = await response.text();
      if (!response.ok || response.redirected) throw new Error(`${endpoint.http}: ${response.status}\n${body.slice(0, 500)}`);
    };
    await fetchOnce(); // the route's code loaded and compiled; with the cache on, the answer stored
    times[endpoint.label] = await timed(fetchOnce);
  }
  return times;
}

async function main() {
  const folder = process.env.BENCH_DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), 'stacklens-bench-'));
  const { db: opened, url, drop } = await openBenchDatabase({ pgliteDir: folder });
  let open = true;
  const close = async () => {
    if (open) await opened.close();
    open = false;
  };
  try {
    setProcessDatabase(opened);
    console.log(`${opened.describe}; ${count(COMPANIES)} companies; median of ${RUNS}; load average ${load()}`);
    await benchEndpoints(opened.db, close, url ? { databaseUrl: url } : { dataDir: folder });
  } finally {
    // Also when the check fails: the bench's database is dropped, its folder removed.
    await close();
    await drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

/** The check, then the timings; `close` frees the database for the server (a PGlite folder has one holder). */
async function benchEndpoints(
  db: Database,
  close: () => Promise<void>,
  target: { databaseUrl?: string; dataDir?: string },
): Promise<void> {
  let started = performance.now();
  await writeUniverse(db, COMPANIES);
  console.log(`universe written in ${count(Math.round(performance.now() - started))} ms`);
  const viewer = await makeUser('viewer');

  await checkHandSql(db, viewer);
  if (process.env.BENCH_EXPLAIN) await explainHandSql(db);
  if (process.env.BENCH_EXPLAIN === 'only') return;

  const dataCold: Times = {};
  const dataWarm: Times = {};
  const hand: Times = {};
  for (const endpoint of ENDPOINTS) {
    await endpoint.hand(db); // warm-up: the same pages of the tables in memory for both
    hand[endpoint.label] = await timed(() => endpoint.hand(db));
    dataCold[endpoint.label] = await timed(
      () => endpoint.dataLayer(viewer),
      () => moveVersion(db),
    );
    await endpoint.dataLayer(viewer);
    dataWarm[endpoint.label] = await timed(() => endpoint.dataLayer(viewer));
  }
  console.log(`data layer and hand SQL timed; load average ${load()}`);

  // A PGlite folder is held by one process at a time: the server's, from here on.
  if (target.dataDir) await close();
  const httpCold: Times = {};
  const httpWarm: Times = {};
  const phases: boolean[] = process.env.BENCH_HTTP === '0' ? [] : [false, true];
  for (const [cache, times] of [
    [false, httpCold],
    [true, httpWarm],
  ] as const) {
    if (!phases.includes(cache)) continue;
    started = performance.now();
    const server = await startServer({ port: PORT, cache, ...target });
    console.log(`server (cache ${cache ? 'on' : 'off'}) up in ${count(Math.round(performance.now() - started))} ms`);
    try {
      Object.assign(times, await timeHttp(server, viewer.label));
    } finally {
      await server.stop();
    }
    console.log(`HTTP timed, cache ${cache ? 'on' : 'off'}; load average ${load()}`);
  }

  const ms = (n: number | undefined) => (n === undefined ? '—' : `${count(Math.round(n))} ms`);
  const ratio = (a: number | undefined, b: number) => (a === undefined ? '—' : `${(a / b).toFixed(2)}×`);
  console.log(
    '\n| endpoint | data layer cold | warm | HTTP cold | HTTP warm | hand SQL | data layer cold / hand | HTTP cold / hand |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { label } of ENDPOINTS)
    console.log(
      `| ${label} | ${ms(dataCold[label])} | ${ms(dataWarm[label])} | ${ms(httpCold[label])} | ${ms(httpWarm[label])} | ` +
        `${ms(hand[label])} | ${ratio(dataCold[label], hand[label]!)} | ${ratio(httpCold[label], hand[label]!)} |`,
    );
  console.log(`\nload average at the end: ${load()}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
