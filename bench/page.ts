/**
 * The dashboard in the browser and under load, against the production build (`npm run build` first):
 * - in headless Chromium (1280 × 720, a new context per run, so an empty browser cache): LCP (the last
 *   'largest-contentful-paint' entry), when the charts in the first screen are drawn (their plot's SVG present)
 *   and, in a second context 9,000 px tall so that every chart is near the viewport at once, when all are;
 *   cold (the server started with STACKLENS_ANALYTICS_CACHE=0: every answer computed) and warm (the cache on,
 *   after one visit);
 * - a load step on the warm server: BENCH_CLIENTS (10) clients fetching the dashboard's whole HTML one after the
 *   other for BENCH_SECONDS (20) s: pages per second and the latency's p50, p95 and p99.
 *   BENCH_DATABASE_URL=postgres://… BENCH_COMPANIES=10000 npm run bench:page   # the analytics universe
 *   npm run bench:page                                                          # the same on PGlite
 *   BENCH_DEMO=1 npm run bench:page                                             # the demo data (41 companies)
 * BENCH_RUNS (3) visits each, BENCH_PORT (3442); BENCH_CPU_PROF=dir writes the warm server's CPU profile there
 * (open it in Chrome's DevTools). Prints markdown; the numbers go into bench/README.md by hand.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { setProcessDatabase } from '../db/client';
import { makeUser, TEST_PASSWORD } from '../lib/testing/actors';
import { openBenchDatabase } from './database';
import { startServer, type BenchServer, type ServerOptions } from './server';
import { writeUniverse } from './universe';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3442);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const DEMO = Boolean(process.env.BENCH_DEMO);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Visit {
  lcp: number;
  /** Navigation start → every chart card within the viewport has its plot. */
  drawn: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

/**
 * Resolves when the chart cards in the viewport (at least one) are drawn, or with `all` every chart card of the page
 * once its last, the gap, has arrived (components/dashboard/dashboard-body.tsx: the flows' four cards come only with
 * flows in the data).
 */
function chartsDrawn(all: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 120_000;
    const check = () => {
      // The chart cards, not the summary above them.
      const cards = [...document.querySelectorAll('main section.card[aria-labelledby]:not(#summary)')];
      // Where the summary fills the first screen, its first chart below it.
      const wanted = all
        ? cards.length
        : Math.max(1, cards.filter((card) => card.getBoundingClientRect().top < window.innerHeight).length);
      // Drawn: its plot's SVG, or its empty state (a universe without flows has nothing to draw there).
      const drawn = cards.filter((card) =>
        card.querySelector('[data-chart] .recharts-wrapper > svg.recharts-surface, [data-chart] svg.plot-surface, p.empty'),
      );
      if (cards.length > 0 && (!all || document.getElementById('gap')) && drawn.length >= wanted) resolve(performance.now());
      else if (performance.now() > deadline) {
        const waiting = cards
          .filter((card) => !drawn.includes(card))
          .map((card) => `${card.id} (top ${Math.round(card.getBoundingClientRect().top)} px)`);
        reject(new Error(`${drawn.length} of ${wanted} charts drawn after 120 s; waiting: ${waiting.join(', ')}`));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** Keeps the page's latest LCP entry in `window.__lcp`. */
function observeLcp() {
  const w = window as unknown as { __lcp: number };
  w.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

async function signedInState(browser: Browser, server: BenchServer, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Where value accrues across the AI stack' }).waitFor({ timeout: 120_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

type State = Awaited<ReturnType<typeof signedInState>>;

/** One visit of the dashboard in a new context of `height` px: when the charts expected are drawn, and LCP. */
async function visit(browser: Browser, server: BenchServer, state: State, height: number, all: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height }, storageState: state });
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript('globalThis.__name = (f) => f;');
  await context.addInitScript(observeLcp);
  const page = await context.newPage();
  await page.goto(`${server.base}/`, { waitUntil: 'commit' });
  const drawn = await page.evaluate(chartsDrawn, all);
  const lcp = await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp);
  await context.close();
  return { lcp, drawn };
}

async function browserVisits(browser: Browser, server: BenchServer, state: State) {
  const first: Visit[] = [];
  const all: Visit[] = [];
  for (let i = 0; i < RUNS; i++) {
    first.push(await visit(browser, server, state, 720, false));
    all.push(await visit(browser, server, state, 9_000, true));
  }
  return {
    lcp: median(first.map((v) => v.lcp)),
    firstScreen: median(first.map((v) => v.drawn)),
    allCharts: median(all.map((v) => v.drawn)),
  };
}

/** CLIENTS clients fetching the dashboard's HTML back to back for SECONDS s. */
async function loadStep(server: BenchServer, cookie: string) {
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const response = await fetch(`${server.base}/`, { headers: { cookie } });
      const body = await response.text();
      if (!response.ok || !body.includes('id="gap"')) throw new Error(`/: ${response.status}, the page is not complete`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    pages: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** The server's target and the user to sign in as: the demo's admin, or a viewer of the generated universe. */
async function prepare(): Promise<{
  target: Omit<ServerOptions, 'port' | 'cache'>;
  credentials: () => { email: string; password: string };
  cleanUp: () => Promise<void>;
  describe: string;
}> {
  const folder = process.env.BENCH_DATABASE_URL && !DEMO ? undefined : mkdtempSync(path.join(tmpdir(), 'stacklens-page-'));
  if (DEMO)
    return {
      target: { dataDir: folder, demo: true },
      credentials: () => {
        const text = readFileSync(path.join(folder!, 'demo-admin.txt'), 'utf8');
        return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
      },
      cleanUp: async () => rmSync(folder!, { recursive: true, force: true }),
      describe: 'the demo data on embedded PGlite',
    };
  const { db: opened, url, drop } = await openBenchDatabase({ pgliteDir: folder });
  setProcessDatabase(opened);
  const describe = `${opened.describe}, ${COMPANIES.toLocaleString('en-US')} companies`;
  await writeUniverse(opened.db, COMPANIES);
  const { label: email } = await makeUser('viewer');
  await opened.close();
  return {
    target: url ? { databaseUrl: url } : { dataDir: folder },
    credentials: () => ({ email, password: TEST_PASSWORD }),
    cleanUp: async () => {
      await drop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
    describe,
  };
}

async function main() {
  const { target, credentials, cleanUp, describe } = await prepare();
  console.log(`${describe}; ${RUNS} visits each; load average ${load()}`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: string[] = [];
  const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
  try {
    for (const cache of [false, true]) {
      const cpuProfileDir = cache ? process.env.BENCH_CPU_PROF : undefined;
      const server = await startServer({ port: PORT, cache, cpuProfileDir, ...target });
      try {
        const { email, password } = credentials();
        const state = await signedInState(browser, server, email, password);
        await visit(browser, server, state, 720, false); // the server's code loaded; with the cache on, the answers
        const times = await browserVisits(browser, server, state);
        const label = cache ? 'warm (cache on)' : 'cold (cache off)';
        rows.push(`| ${label} | ${ms(times.lcp)} | ${ms(times.firstScreen)} | ${ms(times.allCharts)} |`);
        console.log(`browser visits ${label} done; load average ${load()}`);
        if (cache) {
          const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
          const step = await loadStep(server, cookie);
          console.log(
            `\n${CLIENTS} clients, ${SECONDS} s, warm: ${step.pages} pages, ${step.perSecond.toFixed(1)} pages/s, ` +
              `p50 ${ms(step.p50)}, p95 ${ms(step.p95)}, p99 ${ms(step.p99)}; load average ${load()}`,
          );
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    await cleanUp();
  }
  console.log("\n| dashboard | LCP | first screen's charts drawn | every chart drawn (9,000 px viewport) |");
  console.log('|---|---:|---:|---:|');
  console.log(rows.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
