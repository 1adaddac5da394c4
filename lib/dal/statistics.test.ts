import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/open';
import { SYSTEM_ACTOR } from '@/lib/domain/actor';
import { useFreshDatabase } from '@/lib/testing/database';
import { importCompaniesCsv } from './company-csv';
import { importFiguresCsv } from './figure-csv';
import { importFxCsv } from './fx';
import { selectRows } from './sql-helpers';

/** PGlite never runs autovacuum or autoanalyze: the app gathers the planner's statistics itself (bench/README.md). */
describe('planner statistics on PGlite', () => {
  const database = useFreshDatabase('pglite');
  const ctx = { actor: SYSTEM_ACTOR };

  /** The planner's row count of each table: -1 until the table is first analysed (or vacuumed). */
  const estimates = async () =>
    Object.fromEntries(
      (
        await selectRows<{ name: string; rows: number }>(
          database.current().db,
          sql`select relname as name, reltuples::int as rows from pg_class
              where relname in ('companies', 'exposures', 'company_lists', 'figures', 'fx_rates', 'users')`,
        )
      ).map((r) => [r.name, r.rows]),
    );

  it('are gathered at start, after migrations', async () => {
    const opened = await openDatabase({ driver: 'pglite' });
    try {
      const [figures] = await selectRows<{ rows: number }>(
        opened.db,
        sql`select reltuples::int as rows from pg_class where relname = 'figures'`,
      );
      expect(figures!.rows).toBe(0);
    } finally {
      await opened.close();
    }
  });

  it('are refreshed after an import that wrote rows, and not after a dry run', async () => {
    const companies = [
      'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description',
      'Stat A,,US,public,12,Portfolio,,1,,,,,,USD,,',
      'Stat B,,DE,public,12,,,1,,,,,,EUR,,',
      'Stat C,,US,public,12,,,1,,,,,,USD,,',
    ].join('\n');
    await importCompaniesCsv(ctx, { text: companies, dryRun: false });
    await importFxCsv(ctx, { text: 'currency,year,usd_per_unit\nEUR,2023,1.1\nEUR,2024,1.08', dryRun: false });
    const figures = (years: number[]) =>
      'company,fiscal_year,metric,value_millions\n' +
      years.map((y) => `Stat A,${y},revenue,10\nStat C,${y},revenue,20`).join('\n');
    await importFiguresCsv(ctx, { text: figures([2022, 2023]), dryRun: false });
    expect(await estimates()).toMatchObject({ companies: 3, exposures: 3, company_lists: 1, fx_rates: 2, figures: 4 });

    await importFiguresCsv(ctx, { text: figures([2024]), dryRun: true });
    expect((await estimates()).figures).toBe(4);
    await importFiguresCsv(ctx, { text: figures([2024]), dryRun: false });
    expect((await estimates()).figures).toBe(6);
  });
});
