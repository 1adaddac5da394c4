import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/actors';
import { companyFilterSchema } from '@/lib/companies/filter';
import { listCompanies } from './companies';
import { importCompaniesCsv } from './company-csv';

const HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description';
const COUNTRIES = ['US', 'TW', 'NL', 'KR', 'JP', 'GB', 'DE', 'FR'];
const LISTS = ['Portfolio', 'Watchlist', 'Portfolio;Fabs', ''];
const SHARES = ['1,,,,,,', ',0.6,0.4,,,,', ',,,25,25,25,25', ',,,,,0.125,0.875', '10,20,30,40,,,'];

/** A companies.csv of `count` rows that exercises every column: fractions and percentages, lists, quoting. */
function generatedCsv(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, '0');
    return [
      `Company ${n}`,
      `C${n}`,
      COUNTRIES[i % COUNTRIES.length],
      i % 3 === 0 ? 'private' : 'public',
      (i % 12) + 1,
      LISTS[i % LISTS.length],
      SHARES[i % SHARES.length],
      i % 2 === 0 ? 'USD' : 'EUR',
      `https://c${n}.example`,
      `"Generated company ${n}, with a comma and ""quotes"""`,
    ].join(',');
  });
  return [HEADER, ...rows].join('\n') + '\n';
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
}

describe('companies.csv with 10,000 rows on pglite', () => {
  useFreshDatabase('pglite');

  it('imports 10,000 companies, then finds them all unchanged', { timeout: 180_000 }, async () => {
    const analyst = await makeUser('analyst');
    const file = generatedCsv(10_000);

    const preview = await timed('dry run of 10,000 new rows', () =>
      importCompaniesCsv({ actor: analyst }, { text: file, dryRun: true }),
    );
    expect(preview).toEqual({ dryRun: true, created: 10_000, updated: 0, unchanged: 0, warnings: [] });

    const imported = await timed('import of 10,000 new rows', () =>
      importCompaniesCsv({ actor: analyst }, { text: file, dryRun: false }),
    );
    expect(imported).toEqual({ dryRun: false, created: 10_000, updated: 0, unchanged: 0, warnings: [] });

    const again = await timed('re-import of 10,000 unchanged rows', () =>
      importCompaniesCsv({ actor: analyst }, { text: file, dryRun: false }),
    );
    expect(again).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 10_000, warnings: [] });

    const all = await listCompanies({ actor: analyst }, companyFilterSchema.parse({ limit: 1 }));
    expect(all.total).toBe(10_000);
    const { items } = await listCompanies({ actor: analyst }, companyFilterSchema.parse({ q: 'Company 07403' }));
    // Row 7403 is i = 7402: NL, public, month 11, lists "Portfolio;Fabs", shares 25% each of models → application.
    expect(items).toEqual([
      expect.objectContaining({
        name: 'Company 07403',
        ticker: 'C07403',
        country: 'NL',
        status: 'public',
        fiscalYearEndMonth: 11,
        currency: 'USD',
        lists: ['Fabs', 'Portfolio'],
        exposures: [
          { layer: 'models', share: '0.25', subLayer: null },
          { layer: 'execution', share: '0.25', subLayer: null },
          { layer: 'application', share: '0.25', subLayer: null },
        ],
        outside: '0.25',
        description: 'Generated company 07403, with a comma and "quotes"',
      }),
    ]);
  });
});
