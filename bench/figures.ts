/**
 * Times the figures.csv import and export on a generated 100,000-row file (docs/data-contract.md §6: "well under a minute").
 *   npm run bench:figures                      # embedded PGlite, in memory
 *   BENCH_DATABASE_URL=postgres://… npm run bench:figures   # a fresh database on that server
 * Prints a markdown table; the numbers go into bench/README.md by hand.
 */
import { eq, sql } from 'drizzle-orm';
import { auditEvents } from '../db/schema';
import { setProcessDatabase } from '../db/client';
import { openBenchDatabase } from './database';
import { SYSTEM_ACTOR } from '../lib/domain/actor';
import { importCompaniesCsv } from '../lib/dal/company-csv';
import type { ImportSummary } from '../lib/imports/schema';
import { CsvRejectedError, MAX_CSV_ISSUES } from '../lib/errors';
import { exportFiguresCsv, importFiguresCsv } from '../lib/dal/figure-csv';
import { importFxCsv } from '../lib/dal/fx';
import { companiesCsv, figuresCsv, fxCsv, type UniverseSize } from '../lib/testing/figure-universe';

const SIZE: UniverseSize = {
  companies: Number(process.env.BENCH_COMPANIES ?? 2_000),
  figures: Number(process.env.BENCH_FIGURES ?? 100_000),
};

const BAD_ROWS = Number(process.env.BENCH_BAD_ROWS ?? 600_000);

const rows: string[] = [];

async function time<T>(label: string, run: () => Promise<T>, describe: (result: T) => string): Promise<T> {
  // The longest the event loop was held during the step: how long every other request would have waited. A
  // timer measures the gaps between its own turns (libuv's delay histogram reads 0 while PGlite works).
  let longestGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  clearInterval(ticker);
  longestGap = Math.max(longestGap, performance.now() - last);
  const longest = Math.round(longestGap).toLocaleString('en-US');
  rows.push(`| ${label} | ${Math.round(ms).toLocaleString('en-US')} ms | ${longest} ms | ${describe(result)} |`);
  return result;
}

/** Refuses a wrong count, so a fast run that did the wrong thing is not reported. */
function counts(expected: Pick<ImportSummary, 'created' | 'updated' | 'unchanged'>) {
  return (s: ImportSummary): string => {
    const got = { created: s.created, updated: s.updated, unchanged: s.unchanged };
    if (JSON.stringify(got) !== JSON.stringify(expected))
      throw new Error(`Expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    return `${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.warnings.length} warnings`;
  };
}

async function main() {
  const { db, drop } = await openBenchDatabase();
  setProcessDatabase(db);
  const n = SIZE.figures;
  const changed = Math.ceil(n / 10);
  await importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: companiesCsv(SIZE), dryRun: false });
  await importFxCsv({ actor: SYSTEM_ACTOR }, { text: fxCsv(), dryRun: false });
  const file = figuresCsv(SIZE);
  const revised = figuresCsv(SIZE, 1);
  console.log(`${db.describe}; ${SIZE.companies} companies, ${n} figures (${(file.length / 2 ** 20).toFixed(1)} MB)\n`);
  rows.push('| step | time | longest event-loop stall | result |', '|---|---:|---:|---|');

  await time(
    'import figures.csv, dry run',
    () => importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: file, dryRun: true }),
    counts({ created: n, updated: 0, unchanged: 0 }),
  );
  await time(
    'import figures.csv',
    () => importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: file, dryRun: false }),
    counts({ created: n, updated: 0, unchanged: 0 }),
  );
  await time(
    're-import, all unchanged',
    () => importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: file, dryRun: false }),
    counts({ created: 0, updated: 0, unchanged: n }),
  );
  await time(
    're-import with every tenth value changed',
    () => importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: revised, dryRun: false }),
    counts({ created: 0, updated: changed, unchanged: n - changed }),
  );
  // The red-team file: 20 MB of rows that each name an unknown company. Its answer lists 1,000 of them.
  const bad = ['company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note'];
  for (let i = 0; i < BAD_ROWS; i++) bad.push(`Nobody ${i},2024,,revenue,,1,,,`);
  await time(
    `import ${BAD_ROWS.toLocaleString('en-US')} bad rows, dry run`,
    () => importFiguresCsv({ actor: SYSTEM_ACTOR }, { text: bad.join('\n'), dryRun: true }).catch((e: unknown) => e),
    (error) => {
      if (!(error instanceof CsvRejectedError) || error.issueCount !== BAD_ROWS || error.issues.length !== MAX_CSV_ISSUES)
        throw new Error(`Expected a rejection listing ${MAX_CSV_ISSUES} of ${BAD_ROWS} issues, got ${String(error)}`);
      return `422: ${error.issues.length} of ${error.issueCount} issues listed`;
    },
  );
  // company_values' refresh of every company on its own: what an import touching every company adds at its commit.
  await time(
    'refresh company_values of every company alone',
    () => db.db.execute(sql`select refresh_company_values(array(select id from companies))`),
    () => 'as at the commit of an import that touches every company',
  );
  await time(
    'export figures.csv',
    () => exportFiguresCsv({ actor: SYSTEM_ACTOR }),
    (csv) => `${(csv.length / 2 ** 20).toFixed(1)} MB`,
  );

  const events = await db.db
    .select({ action: auditEvents.action, count: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(eq(auditEvents.entityType, 'figure'))
    .groupBy(auditEvents.action)
    .orderBy(auditEvents.action);
  console.log(rows.join('\n'));
  console.log(`\naudit events: ${events.map((e) => `${e.action} ${e.count}`).join(', ')}`);
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  await db.close();
  await drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
