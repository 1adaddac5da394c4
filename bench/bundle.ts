/**
 * What the dashboard costs the browser: the JavaScript it loads on a first visit, and the main thread's long tasks
 * when a filter changes, in headless Chromium against the production build on the demo data (scripts/demo.sh's
 * start, on a fresh data folder).
 *   npm run build && npm run bench:bundle
 *   BENCH_PORT=3431 BENCH_RUNS=3 BENCH_SCREENSHOTS=/tmp/shots npm run bench:bundle
 * Each run opens the dashboard in a new browser context (an empty cache, signed in), counts every script
 * response (bytes on the wire, as served gzipped by `next start`, and decoded), then changes four filters one at a
 * time and reads the 'longtask' entries of each change (at the top of the page, and after scrolling to the bottom, then
 * the long tasks of scrolling back up). Prints markdown; the numbers go into bench/README.md by hand.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 3431);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BASE = `http://localhost:${PORT}`;
const SCREENSHOTS = process.env.BENCH_SCREENSHOTS;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..');
/** The dashboard's route. */
const DASHBOARD = '/';
const VIEWPORT = { width: 1280, height: 720 };

/** The filter changes timed, in order: each asks the API new questions. */
const CHANGES: readonly { label: string; field: string; value: string }[] = [
  { label: 'metric → capex', field: 'Metric', value: 'capex' },
  { label: 'basis → fiscal', field: 'Basis', value: 'fiscal' },
  { label: 'estimates → reported only', field: 'Estimates', value: 'exclude' },
  { label: 'metric → revenue', field: 'Metric', value: 'revenue' },
];

interface Script {
  url: string;
  encoded: number;
  decoded: number;
  gzip: number;
}

interface Change {
  label: string;
  /** From the change to the last analytics answer's arrival. */
  answeredMs: number;
  /** From the last answer's arrival to the charts drawn (no card busy, checked on animation frames). */
  redrawMs: number;
  /** Long tasks from the change on, and those that end after the last answer arrived. */
  longTasks: number[];
  longestAfterAnswer: number;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

async function waitForHealth(server: ChildProcess): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error('the server did not answer /api/health within 120 s');
}

function startDemoServer(dataDir: string): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, STACKLENS_DATA_DIR: dataDir, STACKLENS_DEMO: '1', PORT: String(PORT) };
  env.NEXTAUTH_URL = BASE;
  for (const name of ['DATABASE_URL', 'STACKLENS_ADMIN_EMAIL', 'STACKLENS_ADMIN_PASSWORD', 'NODE_OPTIONS']) delete env[name];
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  server.on('exit', (code) => {
    if (code) process.stderr.write(`next start exited with ${code}:\n${log}\n`);
  });
  return server;
}

function demoAdmin(dataDir: string): { email: string; password: string } {
  const text = readFileSync(path.join(dataDir, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

/** Collects the long tasks of the page from its start, in `window.__longTasks`. */
function observeLongTasks() {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Resolves on the first animation frame at which no chart card is busy, `#layer-pools h2` has `titlePart`, and
 * (after a change at `since`) an analytics answer asked since then has arrived.
 */
async function drawnAt(page: Page, titlePart: string | null, since: number | null = null): Promise<number> {
  return page.evaluate(
    ({ part, since }) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + 30_000;
        const answered = () =>
          since === null ||
          performance.getEntriesByType('resource').some((e) => e.name.includes('/api/v1/analytics/') && e.startTime >= since);
        const check = () => {
          const title = document.querySelector('#layer-pools h2')?.textContent ?? '';
          const busy = document.querySelector('section[aria-busy="true"]');
          if (!busy && (part === null || title.includes(part)) && answered()) resolve(performance.now());
          else if (performance.now() > deadline)
            reject(new Error(`not drawn after 30 s: title "${title}", busy ${busy?.id ?? 'none'}, answered ${answered()}`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { part: titlePart, since },
  );
}

async function signedInState(browser: Browser, dataDir: string) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const { email, password } = demoAdmin(dataDir);
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Where value accrues across the AI stack' }).waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

/** Scrolls to the bottom (or back to the top) a screen at a time, as a reader would, each chart passing through the viewport. */
async function scrollThrough(page: Page, direction: 'down' | 'up') {
  for (let i = 0; i < 20; i++) {
    const done = await page.evaluate((down) => {
      window.scrollBy(0, (down ? 1 : -1) * window.innerHeight * 0.8);
      return down ? window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2 : window.scrollY <= 0;
    }, direction === 'down');
    await page.waitForTimeout(150);
    if (done) break;
  }
  await page.waitForLoadState('networkidle');
}

/** Opens the dashboard in a new context and times the filter changes, at the top or after scrolling to the end. */
async function oneRun(browser: Browser, state: Awaited<ReturnType<typeof signedInState>>, run: number, scrollFirst: boolean) {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: state });
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript('globalThis.__name = (f) => f;');
  await context.addInitScript(observeLongTasks);
  const page = await context.newPage();
  const scripts: Script[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const sizes = await response.request().sizes();
        scripts.push({ url: response.url(), encoded: sizes.responseBodySize, decoded: body.length, gzip: gzipSync(body).length });
      })(),
    );
  });

  const document = await page.goto(`${BASE}${DASHBOARD}`, { waitUntil: 'load' });
  // The HTML names the route's own scripts (Next's "first load JS"); what else loads is fetched by the page.
  const html = (await document?.text()) ?? '';
  await drawnAt(page, null);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const firstLoad = [...scripts];
  const loadTasks = await page.evaluate(() => (window as unknown as { __longTasks: { duration: number }[] }).__longTasks);
  const shoot = SCREENSHOTS && run === 0 && !scrollFirst;
  if (shoot) await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-top.png') });

  const timeChanges = async (): Promise<Change[]> => {
    const changes: Change[] = [];
    for (const change of CHANGES) {
      if (process.env.BENCH_VERBOSE) process.stderr.write(`run ${run + 1}${scrollFirst ? ', scrolled' : ''}: ${change.label}\n`);
      const started = await page.evaluate(() => performance.now());
      const metric = await page.getByLabel('Metric').inputValue();
      await page.getByRole('form', { name: 'Dashboard filters' }).getByLabel(change.field).selectOption(change.value);
      const expected =
        change.field === 'Metric' ? (change.value === 'capex' ? 'Capex' : 'Revenue') : metric === 'capex' ? 'Capex' : 'Revenue';
      const drawn = await drawnAt(page, expected, started);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const result = await page.evaluate(
        ({ started }) => {
          const answers = performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/api/v1/analytics/') && e.startTime >= started) as PerformanceResourceTiming[];
          const answered = Math.max(started, ...answers.map((e) => e.responseEnd));
          const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter(
            (t) => t.start + t.duration >= started,
          );
          return {
            answers: answers.length,
            answered,
            tasks: tasks.map((t) => Math.round(t.duration)),
            afterAnswer: tasks.filter((t) => t.start + t.duration > answered).map((t) => t.duration),
          };
        },
        { started },
      );
      if (result.answers === 0) throw new Error(`${change.label}: the dashboard asked the API nothing`);
      changes.push({
        label: change.label,
        answeredMs: result.answered - started,
        redrawMs: Math.max(0, drawn - result.answered),
        longTasks: result.tasks,
        longestAfterAnswer: Math.max(0, ...result.afterAnswer),
      });
    }
    return changes;
  };

  if (scrollFirst) await scrollThrough(page, 'down');
  const changes = await timeChanges();
  if (!scrollFirst) await scrollThrough(page, 'down');
  // After the changes at the bottom, the charts scrolled past draw their new numbers as the reader comes back to them.
  let backTasks: number[] = [];
  if (scrollFirst) {
    const since = await page.evaluate(() => performance.now());
    await scrollThrough(page, 'up');
    backTasks = await page.evaluate(
      (since) =>
        (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
          .filter((t) => t.start >= since)
          .map((t) => Math.round(t.duration)),
      since,
    );
  }
  await Promise.all(pending);
  const allScripts = [...scripts];
  if (shoot) {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-bottom.png') });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard-full.png'), fullPage: true });
  }
  await context.close();
  const inHtml = firstLoad.filter((script) => html.includes(new URL(script.url).pathname));
  return { firstLoad, inHtml, allScripts, loadTasks: loadTasks.map((t) => Math.round(t.duration)), changes, backTasks };
}

/** The chart cards' ids, in page order. */
const CHART_IDS = ['layer-pools', 'stack-mix', 'over-time', 'concentration', 'profit-pool', 'capex-intensity', 'gap'];

/**
 * When each part of the dashboard's HTML arrives, read as a stream with the signed-in cookies: the first byte, the
 * page's title, the filters, and each chart's card (streamed as its answer arrives).
 */
async function htmlTimings(state: Awaited<ReturnType<typeof signedInState>>): Promise<Record<string, number>> {
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const started = performance.now();
  const response = await fetch(`${BASE}${DASHBOARD}`, { headers: { cookie } });
  const markers: Record<string, string> = {
    title: '<h1',
    filters: 'aria-label="Dashboard filters"',
    ...Object.fromEntries(CHART_IDS.map((id) => [id, `id="${id}"`])),
  };
  const seen: Record<string, number> = {};
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let html = '';
  for (;;) {
    const { done, value } = await reader.read();
    const now = performance.now() - started;
    seen['first byte'] ??= now;
    if (done) {
      seen.end = now;
      break;
    }
    html += decoder.decode(value, { stream: true });
    for (const [name, marker] of Object.entries(markers)) if (seen[name] === undefined && html.includes(marker)) seen[name] = now;
  }
  return seen;
}

const total = (scripts: Script[], key: 'encoded' | 'decoded' | 'gzip') => scripts.reduce((sum, s) => sum + s[key], 0);

async function main() {
  if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) throw new Error('no production build: run `npm run build` first');
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stacklens-bench-bundle-'));
  const server = startDemoServer(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await waitForHealth(server);
    const state = await signedInState(browser, dataDir);
    const html: Record<string, number>[] = [];
    for (let run = 0; run < RUNS; run++) html.push(await htmlTimings(state));
    const runs: (Awaited<ReturnType<typeof oneRun>> & { atTop: Change[]; scrolled: Change[]; scrolledBack: number[] })[] = [];
    for (let run = 0; run < RUNS; run++) {
      const top = await oneRun(browser, state, run, false);
      const scrolled = await oneRun(browser, state, run, true);
      runs.push({ ...top, atTop: top.changes, scrolled: scrolled.changes, scrolledBack: scrolled.backTasks });
    }

    const first = runs[0]!;
    console.log(`\n## The dashboard's JavaScript (${RUNS} runs, the first shown; ${VIEWPORT.width}×${VIEWPORT.height})\n`);
    console.log('| load | scripts | on the wire (gzip) | gzip -9 of each | decoded |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [label, scripts] of [
      ["the route's own (named in the HTML)", first.inHtml],
      ['first visit (until network idle: with the charts in view)', first.firstLoad],
      ['after scrolling to the bottom', first.allScripts],
    ] as const)
      console.log(
        `| ${label} | ${scripts.length} | ${kB(total(scripts, 'encoded'))} | ${kB(total(scripts, 'gzip'))} | ${kB(total(scripts, 'decoded'))} |`,
      );
    console.log("\nThe first visit's scripts, largest first (gzip on the wire, decoded):\n");
    for (const s of [...first.firstLoad].sort((a, b) => b.encoded - a.encoded))
      console.log(
        `- ${new URL(s.url).pathname}: ${kB(s.encoded)}, ${kB(s.decoded)}${first.inHtml.includes(s) ? '' : ' (fetched by the page)'}`,
      );
    const later = first.allScripts.filter((s) => !first.firstLoad.includes(s));
    if (later.length > 0) {
      console.log('\nLoaded later (scrolling, filter changes):\n');
      for (const s of later) console.log(`- ${new URL(s.url).pathname}: ${kB(s.encoded)}, ${kB(s.decoded)}`);
    }
    console.log(`\nLong tasks while the page loads (run 1): ${first.loadTasks.join(', ') || 'none'} ms`);

    console.log(`\n## The dashboard's HTML as it streams (ms from the request; ${RUNS} runs)\n`);
    console.log('| part | arrives |');
    console.log('| --- | ---: |');
    for (const part of ['first byte', 'title', 'filters', ...CHART_IDS, 'end'])
      console.log(`| ${part} | ${html.map((h) => (h[part] === undefined ? '–' : h[part]!.toFixed(0))).join(' / ')} |`);

    for (const [label, key] of [
      ['at the top of the page, as it opens', 'atTop'],
      ['after scrolling through every chart', 'scrolled'],
    ] as const) {
      console.log(`\n## Filter changes ${label} (median of ${RUNS} runs; long tasks of every run)\n`);
      console.log(
        '| change | answers arrive | answer → drawn | longest task after the answer | longest task, any run | long tasks (ms) |',
      );
      console.log('| --- | ---: | ---: | ---: | ---: | --- |');
      CHANGES.forEach((change, i) => {
        const cells = runs.map((r) => r[key][i]!);
        const answered = median(cells.map((c) => c.answeredMs)).toFixed(0);
        const redrawn = median(cells.map((c) => c.redrawMs)).toFixed(0);
        const afterAnswer = median(cells.map((c) => c.longestAfterAnswer)).toFixed(0);
        const longest = Math.max(0, ...cells.flatMap((c) => c.longTasks));
        const tasks = cells.map((c) => c.longTasks.join(' + ') || '–').join(' / ');
        console.log(`| ${change.label} | ${answered} ms | ${redrawn} ms | ${afterAnswer} ms | ${longest} ms | ${tasks} |`);
      });
    }
    console.log(
      `\nLong tasks while scrolling back to the top after the changes (each run; the charts scrolled past draw their new numbers): ${runs
        .map((r) => r.scrolledBack.join(' + ') || 'none')
        .join(' / ')} ms`,
    );
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
