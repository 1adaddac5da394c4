import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { DELETE as deleteCompanyRoute, PATCH as patchCompanyRoute } from '@/app/api/v1/companies/[id]/route';
import { POST as postCompany } from '@/app/api/v1/companies/route';
import { DELETE as deleteFigureRoute } from '@/app/api/v1/figures/[id]/route';
import { PUT as putFigures } from '@/app/api/v1/figures/route';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';
import { routeParams, routeRequest } from '@/lib/testing/route-request';

// The wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const SLOW = process.env.STACKLENS_SLOW_TESTS === '1';
const runsOn = (driver: string) => (SLOW ? 1000 : driver === 'postgres' ? 200 : 100);

/** Values a red team sends: huge and long numbers, controls, bidi, lone surrogates, wrong types, deep nesting. */
const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    'Nul\u0000Co',
    'RT \u202Egnp.exe',
    '\u200B\u200C\u200D\uFEFF',
    'Half \uD800 Co',
    `1${'0'.repeat(400)}`,
    '9'.repeat(140_000),
    `0.${'1'.repeat(100_000)}`,
    '1e30',
    '-0',
    'NaN',
    'Infinity',
    '-'.repeat(36),
    'x'.repeat(5000),
    "'; drop table companies; --",
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e30, -1e30, Number.MAX_SAFE_INTEGER, 0.1 + 0.2, true, false, null),
  fc.anything({ maxDepth: 3 }),
);
const maybe = <T>(plausible: fc.Arbitrary<T>) => fc.oneof(plausible, hostileValue);
const unknownFields = fc.dictionary(fc.string({ maxLength: 8 }), hostileValue, { maxKeys: 2 });
const ids = (known: () => string) =>
  fc.oneof(
    fc.uuid(),
    hostileText.filter((s) => s.length < 200),
    fc.constant('-'.repeat(36)),
    fc.constant(null).map(known),
  );

const companyBody = fc
  .tuple(
    fc.record(
      {
        name: maybe(fc.string({ minLength: 1, maxLength: 30 })),
        ticker: maybe(fc.constantFrom('ABC', 'X.Y', null)),
        country: maybe(fc.constantFrom('US', 'NL', 'zz')),
        status: maybe(fc.constantFrom('public', 'private')),
        fiscalYearEndMonth: maybe(fc.integer({ min: 0, max: 13 })),
        currency: maybe(fc.constantFrom('USD', 'EUR', 'XXX')),
        website: maybe(fc.constantFrom('https://example.com', 'javascript:alert(1)')),
        description: maybe(fc.string()),
        lists: maybe(fc.array(maybe(fc.constantFrom('Portfolio', 'Watchlist')), { maxLength: 3 })),
        exposures: maybe(
          fc.array(
            fc.record(
              {
                layer: maybe(fc.constantFrom('chips', 'models', 'data')),
                share: maybe(fc.constantFrom('0.5', '1', '0.25', 0.3)),
                subLayer: maybe(fc.string({ maxLength: 10 })),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 3 },
          ),
        ),
        version: maybe(fc.integer({ min: 0, max: 3 })),
        archived: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    ),
    unknownFields,
    fc.boolean(),
  )
  .map(([fields, extra, withExtra]) => (withExtra ? { ...extra, ...fields } : fields));

const figureBody = (companyId: () => string) =>
  fc
    .tuple(
      fc.array(
        fc.record(
          {
            companyId: maybe(fc.constant(null).map(companyId)),
            fiscalYear: maybe(fc.integer({ min: 1989, max: 2101 })),
            fiscalQuarter: maybe(fc.constantFrom(null, 1, 4, 5)),
            metric: maybe(fc.constantFrom('revenue', 'capex', 'operating_income')),
            kind: maybe(fc.constantFrom('reported', 'estimate')),
            value: maybe(fc.constantFrom('1', '-5.5', '999999999999.999999', '1000000000000', 60922.5)),
            currency: maybe(fc.constantFrom('USD', 'EUR')),
            source: maybe(fc.string({ maxLength: 20 })),
            note: maybe(fc.string({ maxLength: 20 })),
            version: maybe(fc.integer({ min: 1, max: 3 })),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      unknownFields,
    )
    .map(([figures, extra]) => ({ ...extra, figures }));

/** Deeply nested JSON, written as text (building it as a value would overflow the test's own stack). */
const deepBody = fc
  .constantFrom(50, 100_000)
  .map((n) => `{"name":${'['.repeat(n)}${']'.repeat(n)},"figures":[${'{"a":'.repeat(n)}1${'}'.repeat(n)}]}`);

/** A body as the client sends it: JSON (lone surrogates travel as escapes), now and then deeply nested or not JSON. */
const asText = (body: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 8, arbitrary: body.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: deepBody },
    { weight: 1, arbitrary: hostileText },
  );

async function counts(): Promise<number[]> {
  const db = await getDb();
  const result = (await db.execute(
    sql`select (select count(*) from companies)::int as c, (select count(*) from figures)::int as f, (select count(*) from audit_events)::int as a`,
  )) as unknown as { rows: { c: number; f: number; a: number }[] };
  const row = result.rows[0]!;
  return [row.c, row.f, row.a];
}

/** The properties every answer keeps: never 5xx, errors in the documented shape, a refusal writes nothing. */
async function checkAnswer(send: () => Promise<Response>): Promise<void> {
  const before = await counts();
  const response = await send();
  expect(response.status).toBeLessThan(500);
  if (response.status >= 300) {
    const body = (await response.json()) as { error?: { message?: unknown } };
    expect(body.error?.message).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  }
}

describe.each(TEST_DRIVERS)('the JSON write endpoints under fuzzing on %s (docs/data-contract.md §7)', (driver) => {
  useFreshDatabase(driver);
  const numRuns = runsOn(driver);
  let companyId = '';
  let figureId = '';
  beforeAll(async () => {
    session.actor = await makeUser('analyst');
    const company = await postCompany(routeRequest('POST', '/api/v1/companies', { name: 'Fuzz Target' }), routeParams({}));
    companyId = ((await company.json()) as { id: string }).id;
    const put = await putFigures(
      routeRequest('PUT', '/api/v1/figures', {
        figures: [{ companyId, fiscalYear: 2024, fiscalQuarter: null, metric: 'revenue', value: '10', currency: 'USD' }],
      }),
      routeParams({}),
    );
    figureId = ((await put.json()) as { figures: { id: string }[] }).figures[0]!.id;
  }, 60_000);

  it(`POST /companies: ${numRuns} hostile bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(asText(companyBody), (body) =>
        checkAnswer(() => postCompany(routeRequest('POST', '/api/v1/companies', body), routeParams({}))),
      ),
      { numRuns },
    );
  }, 120_000);

  it(`PATCH /companies/{id}: ${numRuns} hostile ids and bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(
        ids(() => companyId),
        asText(companyBody),
        (id, body) =>
          checkAnswer(() => patchCompanyRoute(routeRequest('PATCH', '/api/v1/companies/x', body), routeParams({ id }))),
      ),
      { numRuns },
    );
  }, 120_000);

  it(`DELETE /companies/{id}: ${numRuns} hostile ids and flags`, async () => {
    await fc.assert(
      fc.asyncProperty(
        ids(() => '00000000-0000-4000-8000-000000000000'),
        fc.constantFrom('', '?permanent=1', '?permanent=%00'),
        (id, query) =>
          checkAnswer(() => deleteCompanyRoute(routeRequest('DELETE', `/api/v1/companies/x${query}`), routeParams({ id }))),
      ),
      { numRuns },
    );
  }, 120_000);

  it(`PUT /figures: ${numRuns} hostile batches`, async () => {
    await fc.assert(
      fc.asyncProperty(asText(figureBody(() => companyId)), (body) =>
        checkAnswer(() => putFigures(routeRequest('PUT', '/api/v1/figures', body), routeParams({}))),
      ),
      { numRuns },
    );
  }, 120_000);

  it(`DELETE /figures/{id}: ${numRuns} hostile ids and versions`, async () => {
    await fc.assert(
      fc.asyncProperty(
        ids(() => figureId),
        fc.oneof(
          hostileText.filter((s) => s.length < 200 && s.isWellFormed()),
          fc.constantFrom('2', '99'),
        ),
        (id, version) =>
          checkAnswer(() =>
            deleteFigureRoute(
              routeRequest('DELETE', `/api/v1/figures/x?version=${encodeURIComponent(version)}`),
              routeParams({ id }),
            ),
          ),
      ),
      { numRuns },
    );
  }, 120_000);
});
