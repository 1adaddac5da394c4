import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Transaction } from '@/db/types';
import { companyInputSchema, companyPatchSchema } from '@/lib/companies/schema';
import { auditFilterSchema } from '@/lib/audit/schema';
import { CsvRejectedError } from '@/lib/errors';
import { figureBatchBodySchema, parseFigureBatch } from '@/lib/figures/schema';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { listAuditEvents } from './audit';
import { importCompaniesCsv } from './company-csv';
import { createCompany, updateCompany } from './company-writes';
import { importFiguresCsv } from './figure-csv';
import { listFigures, putFigures } from './figures';
import { importFxCsv, setFxRate } from './fx';

const FIGURES_HEADER = 'company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note';
const COMPANIES_HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description';

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

  it('gives other requests a turn at least every 64 kB of a large file while it reads it', async () => {
    const analyst = { actor: await makeUser('analyst') };
    const rows = Array.from({ length: 100_000 }, (_, i) => `Nobody ${i},2024,,revenue,,1,,,`);
    const text = [FIGURES_HEADER, ...rows].join('\n');
    let turns = 0;
    let importing = true;
    const turn = () => {
      turns++;
      if (importing) setImmediate(turn);
    };
    setImmediate(turn);
    const error = await importFiguresCsv(analyst, { text, dryRun: true }).catch((e: unknown) => e);
    importing = false;

    expect(error).toBeInstanceOf(CsvRejectedError);
    expect((error as CsvRejectedError).issueCount).toBe(100_000);
    expect(turns).toBeGreaterThanOrEqual(Math.floor(Buffer.byteLength(text) / 65_536));
  });
});

/**
 * Runs `write` in a transaction that stays open after writing, starts `importing` meanwhile, and commits the write
 * once the import waits for a row lock: the import then must see, and audit as "before", what the write committed.
 */
async function raceImportWithWrite(write: (tx: Transaction) => Promise<void>, importing: () => Promise<unknown>) {
  const db = await getDb();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let written!: () => void;
  const hasWritten = new Promise<void>((resolve) => (written = resolve));
  const writing = db.transaction(async (tx) => {
    await write(tx);
    written();
    await held;
  });
  await hasWritten;
  const imported = importing();
  for (let waited = 0; ; waited += 20) {
    const waiting = (await db.execute(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    )) as unknown as { rows: { n: number }[] };
    if (waiting.rows[0]!.n > 0) break;
    if (waited > 10_000) throw new Error('The import never waited for the write');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  release();
  await writing;
  await imported;
}

async function auditOf(entity: string, action: string) {
  const admin = await makeUser('admin');
  const events = await listAuditEvents({ actor: admin }, auditFilterSchema.parse({ entity }));
  return events.items.find((e) => e.action === action);
}

describe.runIf(TEST_DRIVERS.includes('postgres'))('an import racing a versioned write on postgres', () => {
  useFreshDatabase('postgres');

  it("figures: audits as 'before' the value the import replaced, not the value it read before the PUT committed", async () => {
    const analyst = await makeUser('analyst');
    const company = await createCompany({ actor: analyst }, companyInputSchema.parse({ name: 'Racer' }));
    const row = (value: string) => `${FIGURES_HEADER}\nRacer,2024,,revenue,reported,${value},USD,,`;
    await importFiguresCsv({ actor: analyst }, { text: row('1'), dryRun: false });
    const [stored] = await listFigures({ actor: analyst }, { company: company.id });

    await raceImportWithWrite(
      async (tx) => {
        const batch = parseFigureBatch(
          figureBatchBodySchema.parse({ figures: [{ ...stored, companyId: company.id, value: '2' }] }),
        );
        await putFigures({ actor: analyst, db: tx }, batch);
      },
      () => importFiguresCsv({ actor: analyst }, { text: row('3'), dryRun: false }),
    );
    expect(await auditOf('figure', 'figure.import_update')).toMatchObject({
      before: expect.objectContaining({ value: '2' }),
      after: expect.objectContaining({ value: '3' }),
    });
  });

  it("companies: audits as 'before' the company the import replaced, after a PATCH that committed meanwhile", async () => {
    const analyst = await makeUser('analyst');
    const company = await createCompany(
      { actor: analyst },
      companyInputSchema.parse({ name: 'Racing company', description: 'one' }),
    );
    const file = `${COMPANIES_HEADER}\nRacing company,,,private,12,,1,,,,,,,USD,,three`;

    await raceImportWithWrite(
      async (tx) => {
        await updateCompany(
          { actor: analyst, db: tx },
          { id: company.id, patch: companyPatchSchema.parse({ description: 'two', version: company.version }) },
        );
      },
      () => importCompaniesCsv({ actor: analyst }, { text: file, dryRun: false }),
    );
    expect(await auditOf('company', 'company.import_update')).toMatchObject({
      before: expect.objectContaining({ description: 'two' }),
      after: expect.objectContaining({ description: 'three' }),
    });
  });

  it("fx: audits as 'before' the rate the import replaced, after an edit that committed meanwhile", async () => {
    const analyst = await makeUser('analyst');
    const rate = await setFxRate({ actor: analyst }, { currency: 'EUR', year: 2024, usdPerUnit: '1.1' });

    await raceImportWithWrite(
      async (tx) => {
        await setFxRate({ actor: analyst, db: tx }, { currency: 'EUR', year: 2024, usdPerUnit: '1.2', version: rate.version });
      },
      () => importFxCsv({ actor: analyst }, { text: 'currency,year,usd_per_unit\nEUR,2024,1.3', dryRun: false }),
    );
    const events = await listAuditEvents({ actor: await makeUser('admin') }, auditFilterSchema.parse({ entity: 'fx_rate' }));
    expect(events.items.map((e) => [e.before, e.after])).toContainEqual([{ usdPerUnit: '1.2' }, { usdPerUnit: '1.3' }]);
  });
});
