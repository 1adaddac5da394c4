import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { PATCH as patchCompanyRoute, GET as getCompanyRoute } from '@/app/api/v1/companies/[id]/route';
import { POST as postCompany } from '@/app/api/v1/companies/route';
import { DELETE as deleteFigureRoute } from '@/app/api/v1/figures/[id]/route';
import { PUT as putFigures } from '@/app/api/v1/figures/route';
import { POST as importCompanies } from '@/app/api/v1/import/companies/route';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { routeParams, routeRequest } from '@/lib/testing/route-request';

// The wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const none = routeParams({});
const DASHES = '-'.repeat(36);

async function rows(table: 'companies' | 'figures' | 'audit_events'): Promise<number> {
  const result = (await (await getDb()).execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]!.n;
}

/** The answer's status and body, after checking it has the API's error shape when it is an error. */
async function answer(
  response: Response,
): Promise<{ status: number; body: { error?: { message: string; issues?: { path: unknown[]; message: string }[] } } }> {
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (response.status >= 400) expect(body.error.message).toEqual(expect.any(String));
  return { status: response.status, body };
}

describe.each(TEST_DRIVERS)('hostile input to the JSON API on %s (docs/data-contract.md §2, §7)', (driver) => {
  useFreshDatabase(driver);
  let analyst: Actor;
  let companyId: string;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
    session.actor = analyst;
    const created = await postCompany(routeRequest('POST', '/api/v1/companies', { name: 'Hostile Target' }), none);
    companyId = ((await created.json()) as { id: string }).id;
  });
  beforeEach(() => {
    session.actor = analyst;
  });

  const figure = (value: unknown, extra: Record<string, unknown> = {}) => ({
    figures: [{ companyId, fiscalYear: 2024, fiscalQuarter: null, metric: 'revenue', value, currency: 'USD', ...extra }],
  });
  const put = (body: unknown) => putFigures(routeRequest('PUT', '/api/v1/figures', body), none);
  const create = (body: unknown) => postCompany(routeRequest('POST', '/api/v1/companies', body), none);

  describe('figure values are bounded (§2 Figures)', () => {
    it('refuses a revenue of 1 followed by 400 zeros, naming the field, and stores nothing', async () => {
      const before = await rows('figures');
      const { status, body } = await answer(await put(figure(`1${'0'.repeat(400)}`)));
      expect(status).toBe(422);
      expect(body.error?.issues).toContainEqual({
        path: ['figures', 0, 'value'],
        message: 'value has at most 12 digits before the decimal point',
      });
      expect(await rows('figures')).toBe(before);
    });

    it('takes 12 integer digits with 6 decimals and refuses 13 integer digits', async () => {
      expect((await put(figure('999999999999.999999'))).status).toBe(200);
      expect((await put(figure('1000000000000'))).status).toBe(422);
      expect((await put(figure('-1000000000000', { metric: 'operating_income' }))).status).toBe(422);
    });

    it('refuses a 140,000-digit value with a 422, not a 500', async () => {
      const { status } = await answer(await put(figure('9'.repeat(140_000))));
      expect(status).toBe(422);
    });

    it('has a database check, so no path can store a value above 12 integer digits', async () => {
      const db = await getDb();
      await expect(
        db.execute(sql`insert into figures (company_id, fiscal_year, metric, kind, value, currency, updated_by)
          values (${companyId}, 2030, 'revenue', 'reported', ${`1${'0'.repeat(12)}`}, 'USD', 'test')`),
      ).rejects.toThrow();
    });
  });

  describe('stored text has no NUL or control characters (§2)', () => {
    it.each([
      ['a company name', { name: 'Nul\u0000Co' }, ['name']],
      ['a company description', { name: 'Desc Co', description: 'line\u0000two' }, ['description']],
      [
        'a sub-layer',
        { name: 'Sub Co', exposures: [{ layer: 'chips', share: '0.5', subLayer: 'GPU\u0000' }] },
        ['exposures', 0, 'subLayer'],
      ],
      ['a list name', { name: 'List Co', lists: ['Bad\u0007List'] }, ['lists', 0]],
    ])('refuses %s with a NUL or control character (422) and stores nothing', async (_, body, path) => {
      const before = await rows('companies');
      const { status, body: error } = await answer(await create(body));
      expect(status).toBe(422);
      expect(error.error?.issues?.map((i) => i.path)).toContainEqual(path);
      expect(await rows('companies')).toBe(before);
    });

    it('keeps tabs and newlines in a description', async () => {
      const { status } = await answer(await create({ name: 'Multi Line Co', description: 'one\n\ttwo' }));
      expect(status).toBe(201);
    });

    it('refuses a NUL in a figure source or note', async () => {
      expect((await put(figure('1', { source: 'src\u0000' }))).status).toBe(422);
      expect((await put(figure('1', { note: '\u0000' }))).status).toBe(422);
    });

    it('refuses a NUL in a companies.csv cell, even on a dry run, with a 422', async () => {
      const csv =
        'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,website,description\nNul\u0000Csv,,US,public,12,,,1,,,,,,\n';
      const response = await importCompanies(routeRequest('POST', '/api/v1/import/companies?dryRun=1', csv, 'text/csv'), none);
      expect((await answer(response)).status).toBe(422);
    });

    it('refuses a share of "0." and 100,000 digits with a 422', async () => {
      const share = `0.${'1'.repeat(100_000)}`;
      const { status } = await answer(await create({ name: 'Long Share', exposures: [{ layer: 'chips', share }] }));
      expect(status).toBe(422);
    });
  });

  describe('names that look like something else are refused (§2)', () => {
    it.each([
      ['only zero-width characters', '"\\u200b\\u200c\\u200d\\ufeff"'],
      ['a right-to-left override', '"RT \\u202egnp.exe"'],
      ['a lone surrogate', '"Half \\ud800 Co"'],
    ])('refuses a company name of %s', async (_, nameJson) => {
      const before = await rows('companies');
      const { status, body } = await answer(await create(`{"name":${nameJson}}`));
      expect(status).toBe(422);
      expect(body.error?.issues?.map((i) => i.path)).toContainEqual(['name']);
      expect(await rows('companies')).toBe(before);
    });
  });

  describe('malformed ids are a 404 before they reach SQL (§7)', () => {
    it('answers GET /companies/ with 36 dashes 404', async () => {
      const response = await getCompanyRoute(routeRequest('GET', `/api/v1/companies/${DASHES}`), routeParams({ id: DASHES }));
      expect((await answer(response)).status).toBe(404);
    });

    it('answers PATCH /companies/abc 404', async () => {
      const response = await patchCompanyRoute(
        routeRequest('PATCH', '/api/v1/companies/abc', { version: 1, name: 'X' }),
        routeParams({ id: 'abc' }),
      );
      expect((await answer(response)).status).toBe(404);
    });

    it('answers DELETE /figures/ with 36 dashes 404', async () => {
      const response = await deleteFigureRoute(
        routeRequest('DELETE', `/api/v1/figures/${DASHES}?version=1`),
        routeParams({ id: DASHES }),
      );
      expect((await answer(response)).status).toBe(404);
    });
  });
});
