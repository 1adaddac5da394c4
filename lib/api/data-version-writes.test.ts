import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { POST as importFigures } from '@/app/api/v1/import/figures/route';
import { PUT as putFigures } from '@/app/api/v1/figures/route';
import { readDataVersion } from '@/lib/dal/data-version';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { openPooledConnections, TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { routeParams, routeRequest } from '@/lib/testing/route-request';

// The route's wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const unique = () => Math.random().toString(36).slice(2, 8);
const FIRST_YEAR = 2000;
const YEARS = 50;
const METRICS = ['revenue', 'capex', 'operating_income'] as const;

/**
 * Every write transaction bumps the data version through triggers (db/migrations/0009_data_version.sql). A trigger
 * that locked the version row when its statement ran would hold that lock until commit while the transaction goes on
 * to wait for other writers' rows: a deadlock with any writer that has inserted or locked a row and then writes.
 * The bump is deferred to commit, so these run side by side as they did before the version existed.
 */
describe.each(TEST_DRIVERS)('the data version under concurrent writes on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('parallel figure imports and PUTs of overlapping figures: no 5xx, no deadlock, and the version grew', async () => {
    session.actor = await makeUser('analyst');
    const prefix = `Version Race ${unique()}`;
    const companies = await Promise.all(
      Array.from({ length: 12 }, (_, i) => addCompany(session.actor!, { name: `${prefix} ${String(i).padStart(2, '0')}` })),
    );
    // 12 companies × 50 years × 3 metrics × (full year, Q1) × (reported, estimate) = 7,200 rows: two insert batches,
    // so an import that has written its first batch is still writing when the PUTs arrive.
    const keys = companies.flatMap((c) =>
      Array.from({ length: YEARS }, (_, y) =>
        METRICS.flatMap((metric) =>
          ([null, 1] as const).flatMap((quarter) =>
            (['reported', 'estimate'] as const).map((kind) => ({ company: c, year: FIRST_YEAR + y, metric, quarter, kind })),
          ),
        ),
      ).flat(),
    );
    const csv = (value: number) =>
      'company,fiscal_year,fiscal_quarter,metric,kind,value_millions\n' +
      keys.map((k) => `${k.company.name},${k.year},${k.quarter ?? ''},${k.metric},${k.kind},${value}`).join('\n');
    // Every other PUT creates two figures that the imports' second batches also create; the rest, one no import has.
    const putKeys = (i: number) =>
      i % 2 === 0 ? [keys[5200 + i * 60]!, keys[7100 - i * 3]!] : [{ ...keys[i]!, year: FIRST_YEAR + YEARS + i }];
    const putBody = (i: number) => ({
      figures: putKeys(i).map((k) => ({
        companyId: k.company.id,
        fiscalYear: k.year,
        fiscalQuarter: k.quarter,
        metric: k.metric,
        kind: k.kind,
        value: `${900 + i}`,
        currency: 'USD',
      })),
    });

    const before = await readDataVersion(database.current().db);
    // Every pooled connection open first, so the requests start together.
    await openPooledConnections(database.current().db);
    const requests: Promise<Response>[] = [1, 2, 3].map((n) =>
      importFigures(routeRequest('POST', '/api/v1/import/figures', csv(n), 'text/csv'), routeParams({})),
    );
    for (let i = 0; i < 30; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      requests.push(putFigures(routeRequest('PUT', '/api/v1/figures', putBody(i)), routeParams({})));
    }
    const answers = await Promise.all(
      requests.map(async (request) => {
        const response = await request;
        return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
      }),
    );

    // 200 for the writes that went through, 409 for a figure someone else created first; never a 500.
    const failed = answers.filter((a) => a.status !== 200 && a.status !== 409);
    expect(failed).toEqual([]);
    const saved = answers.filter((a) => a.status === 200).length;
    expect(saved).toBeGreaterThan(0);
    const after = await readDataVersion(database.current().db);
    // Exactly one bump per committed write: a refused one (409) rolled back and left the version alone.
    expect(after.value - before.value).toBe(saved);
    expect(Date.parse(after.changedAt)).toBeGreaterThan(Date.parse(before.changedAt));
  });

  it('a transaction that has written does not hold the version row while it waits for another writer', async () => {
    const url = database.url();
    if (!url) return; // one connection on PGlite: its transactions cannot interleave
    const analyst = await makeUser('analyst');
    const company = await addCompany(analyst, { name: `Version Lock ${unique()}` });
    const insert = (year: number) => ({
      text: `insert into figures (company_id, fiscal_year, metric, kind, value, currency, updated_by)
             values ($1, $2, 'revenue', 'reported', 1, 'USD', 'test') on conflict do nothing`,
      values: [company.id, year],
    });
    const [first, second] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      // A wait on a lock fails the test after 3 s instead of hanging it.
      await Promise.all([first.query(`set lock_timeout = '3s'`), second.query(`set lock_timeout = '3s'`)]);
      const before = await readDataVersion(database.current().db);
      await first.query('begin');
      await second.query('begin');
      await first.query(insert(2001)); // the first has written …
      await second.query(insert(2002)); // … and so has the second, which must not wait for the first here
      const waiting = first.query(insert(2002)); // the first now waits for the second's row
      await second.query('commit');
      await waiting;
      await first.query('commit');
      expect((await readDataVersion(database.current().db)).value).toBe(before.value + 2);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});
