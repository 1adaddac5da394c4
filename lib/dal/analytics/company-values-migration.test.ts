import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { valueUniverse } from '@/lib/testing/value-universe';
import { selectRows } from '../sql-helpers';

/** db/migrations as it was before 0008_company_values: the journal's first eight entries. */
function migrationsBefore0008(): string {
  const source = path.join(process.cwd(), 'db', 'migrations');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-migrations-'));
  fs.cpSync(source, folder, { recursive: true });
  const journalPath = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === '0008_company_values');
  expect(at).toBe(8);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0008_company_values', () => {
  it('fills company_values for the companies, figures and rates already stored', async () => {
    const client = new PGlite();
    const db = drizzle({ client, schema });
    const before = migrationsBefore0008();
    try {
      await migrate(db, { migrationsFolder: before });
      const u = valueUniverse(7, 12, { from: 2020, to: 2025 });
      await db.execute(
        sql`insert into companies (name, name_key, fiscal_year_end_month, currency)
            select x.name, lower(x.name), x.fye, x.currency
            from jsonb_to_recordset(${JSON.stringify(u.companies)}::jsonb) as x(name text, fye smallint, currency text)`,
      );
      await db.execute(
        sql`insert into fx_rates (currency, year, usd_per_unit, updated_by)
            select split_part(x.key, '|', 1), split_part(x.key, '|', 2)::smallint, x.rate::numeric, 'test'
            from jsonb_to_recordset(${JSON.stringify([...u.rates].map(([key, rate]) => ({ key, rate })))}::jsonb)
              as x(key text, rate text)`,
      );
      await db.execute(
        sql`insert into figures (company_id, fiscal_year, fiscal_quarter, metric, kind, value, currency, updated_by)
            select c.id, x."fiscalYear", x."fiscalQuarter", x.metric::metric, x.kind::figure_kind, x.value::numeric,
              x.currency, 'test'
            from jsonb_to_recordset(${JSON.stringify(u.figures)}::jsonb) as x(company text, "fiscalYear" smallint,
              "fiscalQuarter" smallint, metric text, kind text, value text, currency text)
            join companies c on c.name = x.company`,
      );

      await migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
      const columns = sql`company_id, metric, basis, year, numerator::text as numerator, estimated, code, reason,
        excl_numerator::text as excl_numerator, excl_code, excl_reason`;
      const stored = await selectRows(db, sql`select ${columns} from company_values order by 1, 2, 3, 4`);
      const fresh = await selectRows(
        db,
        sql`select ${columns} from company_values_computed(array(select id from companies)) order by 1, 2, 3, 4`,
      );
      // One calendar and one fiscal row per company, metric and fiscal year with a figure.
      const fiscalYears = new Set(u.figures.map((f) => `${f.company}|${f.metric}|${f.fiscalYear}`));
      expect(stored).toHaveLength(2 * fiscalYears.size);
      expect(stored).toEqual(fresh);
    } finally {
      await client.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  }, 120_000);
});
