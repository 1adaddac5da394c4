import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { companyInputSchema } from '@/lib/companies/schema';
import { auditFilterSchema } from '@/lib/audit/schema';
import { CsvRejectedError } from '@/lib/errors';
import { figureBatchBodySchema, parseFigureBatch } from '@/lib/figures/schema';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { listAuditEvents } from './audit';
import { createCompany } from './company-writes';
import { importFiguresCsv } from './figure-csv';
import { listFigures, putFigures } from './figures';
import { importFxCsv } from './fx';

const FIGURES_HEADER = 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note';

describe.each(TEST_DRIVERS)('the CSV import pipeline on %s', (driver) => {
  useFreshDatabase(driver);

  it('answers the first 1,000 issues of a file with 5,000 bad rows, with the total count (docs/data-contract.md §6)', async () => {
    const analyst = { actor: await makeUser('analyst') };
    const bad = Array.from({ length: 5_000 }, (_, i) => `XX${i % 10},${2000 + (i % 20)},1.5`);
    const error = await importFxCsv(analyst, { text: ['currency,year,usd_per_unit', ...bad].join('\n'), dryRun: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvRejectedError);
    const rejected = error as CsvRejectedError;
    expect(rejected.issueCount).toBe(5_000);
    expect(rejected.issues).toHaveLength(1_000);
    expect(rejected.issues[0]).toMatchObject({ line: 2, column: 'currency' });
    expect(rejected.issues.at(-1)).toMatchObject({ line: 1_001, column: 'currency' });
    expect(rejected.message).toMatch(/5,000 problems/);
  });
});

describe.runIf(TEST_DRIVERS.includes('postgres'))('a figures import racing a versioned PUT on postgres', () => {
  useFreshDatabase('postgres');

  it("audits as 'before' the value the import replaced, not the value it read before the PUT committed", async () => {
    const analyst = await makeUser('analyst');
    const admin = await makeUser('admin');
    const company = await createCompany({ actor: analyst }, companyInputSchema.parse({ name: 'Racer' }));
    const row = (value: string) => `${FIGURES_HEADER}\nRacer,2024,,revenue,reported,${value},USD,,`;
    await importFiguresCsv({ actor: analyst }, { text: row('1'), dryRun: false });
    const [stored] = await listFigures({ actor: analyst }, { company: company.id });

    const db = await getDb();
    let releasePut!: () => void;
    const putHeld = new Promise<void>((resolve) => (releasePut = resolve));
    let putWritten!: () => void;
    const written = new Promise<void>((resolve) => (putWritten = resolve));
    // A PUT that has written 2 but not yet committed while the import of 3 starts.
    const put = db.transaction(async (tx) => {
      const batch = parseFigureBatch(
        figureBatchBodySchema.parse({ figures: [{ ...stored, companyId: company.id, value: '2' }] }),
      );
      await putFigures({ actor: analyst, db: tx }, batch);
      putWritten();
      await putHeld;
    });
    await written;
    const imported = importFiguresCsv({ actor: analyst }, { text: row('3'), dryRun: false });

    // Commit the PUT once the import waits for its row lock.
    for (let waited = 0; ; waited += 20) {
      const waiting = (await db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )) as unknown as { rows: { n: number }[] };
      if (waiting.rows[0]!.n > 0) break;
      if (waited > 10_000) throw new Error('The import never waited for the PUT');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    releasePut();
    await put;
    await imported;

    const events = await listAuditEvents({ actor: admin }, auditFilterSchema.parse({ entity: 'figure' }));
    const importUpdate = events.items.find((e) => e.action === 'figure.import_update');
    expect(importUpdate).toMatchObject({
      before: expect.objectContaining({ value: '2' }),
      after: expect.objectContaining({ value: '3' }),
    });
  });
});
