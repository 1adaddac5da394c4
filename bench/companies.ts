/**
 * Times the companies table and CSV paths on a generated universe of 10,000 companies.
 *   npm run bench:companies                      # embedded PGlite, in memory
 *   BENCH_DATABASE_URL=postgres://… npm run bench:companies   # a fresh database on that server
 * Prints one line per measurement; the numbers go into bench/README.md by hand.
 */
import { setProcessDatabase } from '../db/client';
import { openBenchDatabase } from './database';
import { SYSTEM_ACTOR } from '../lib/domain/actor';
import { companyFilterSchema } from '../lib/companies/filter';
import { LAYER_KEYS } from '../lib/domain/layers';
import { listCompanies } from '../lib/dal/companies';
import { exportCompaniesCsv, importCompaniesCsv } from '../lib/dal/company-csv';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 10_000);
const HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description';

function universe(): string {
  const rows = [HEADER];
  for (let i = 0; i < COMPANIES; i++) {
    const a = LAYER_KEYS[i % 6]!;
    const b = LAYER_KEYS[(i * 7 + 3) % 6]!;
    const shares = Object.fromEntries(LAYER_KEYS.map((k) => [k, k === a ? (a === b ? '0.9' : '0.6') : k === b ? '0.3' : '0']));
    const lists = i % 10 === 0 ? 'Portfolio' : i % 10 === 1 ? 'Watchlist' : '';
    rows.push(
      [
        `Company ${i}`,
        `T${i}`,
        ['US', 'TW', 'NL', 'KR', 'JP'][i % 5],
        i % 3 ? 'public' : 'private',
        (i % 12) + 1,
        lists,
        ...LAYER_KEYS.map((k) => shares[k]),
        '0.1',
        'USD',
        '',
        `Generated company ${i}`,
      ].join(','),
    );
  }
  return rows.join('\n');
}

async function time<T>(label: string, run: () => Promise<T>, repeat = 1): Promise<T> {
  let result!: T;
  const started = performance.now();
  for (let i = 0; i < repeat; i++) result = await run();
  console.log(`${label.padEnd(52)} ${((performance.now() - started) / repeat).toFixed(1).padStart(8)} ms`);
  return result;
}

async function main() {
  const { db, drop } = await openBenchDatabase();
  setProcessDatabase(db);
  console.log(`${db.describe}, ${COMPANIES} companies`);
  const csv = universe();
  await time('import companies.csv (dry run)', () => importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: csv, dryRun: true }));
  await time('import companies.csv', () => importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: csv, dryRun: false }));
  await time('re-import (all unchanged)', () => importCompaniesCsv({ actor: SYSTEM_ACTOR }, { text: csv, dryRun: false }));
  const filter = (f: Record<string, unknown>) => companyFilterSchema.parse(f);
  await time('list: first page of 50, by name', () => listCompanies({ actor: SYSTEM_ACTOR }, filter({})), 5);
  await time(
    'list: page 100, by primary layer',
    () => listCompanies({ actor: SYSTEM_ACTOR }, filter({ sort: 'primary', offset: 4950 })),
    5,
  );
  await time('list: layer=chips (any share)', () => listCompanies({ actor: SYSTEM_ACTOR }, filter({ layer: 'chips' })), 5);
  await time(
    'list: layer=chips primary, list=Portfolio',
    () => listCompanies({ actor: SYSTEM_ACTOR }, filter({ layer: 'chips', layerMode: 'primary', list: 'Portfolio' })),
    5,
  );
  await time('list: search "ny 99"', () => listCompanies({ actor: SYSTEM_ACTOR }, filter({ q: 'ny 99' })), 5);
  await time('export companies.csv (all)', () => exportCompaniesCsv({ actor: SYSTEM_ACTOR }));
  await db.close();
  await drop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
