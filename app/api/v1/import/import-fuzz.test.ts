import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditEvents, companies, exposureProfiles, figures, fxRates } from '@/db/schema';
import { COMPANY_CSV_COLUMNS } from '@/lib/dal/company-csv';
import { FIGURE_CSV_COLUMNS } from '@/lib/dal/figure-csv';
import { FX_CSV_COLUMNS } from '@/lib/dal/fx';
import { EXPOSURE_CSV_COLUMNS } from '@/lib/dal/exposure-csv';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { useFreshDatabase } from '@/lib/testing/database';
import { POST as importCompanies } from './companies/route';
import { POST as importFigures } from './figures/route';
import { POST as importFx } from './fx/route';
import { POST as importExposures } from './exposures/route';

// The wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

/** Cases per endpoint: a quick run by default, many more with STACKLENS_SLOW_TESTS=1. */
const RUNS = process.env.STACKLENS_SLOW_TESTS === '1' ? 400 : 25;

/** Each kind of import: its route, its columns and a row it accepts, to hide one hostile cell in. */
const KINDS = [
  {
    kind: 'companies',
    post: importCompanies,
    columns: COMPANY_CSV_COLUMNS as readonly string[],
    valid: (n: number) => [`Fuzz ${n}`, '', 'US', 'public', '12', 'Watchlist', '', '1', '', '', '', '', '', 'USD', '', ''],
  },
  {
    kind: 'figures',
    post: importFigures,
    columns: FIGURE_CSV_COLUMNS as readonly string[],
    valid: (n: number) => ['Fuzz Co', String(2000 + (n % 25)), '', 'revenue', 'reported', `${n}.5`, 'USD', '', ''],
  },
  {
    kind: 'fx',
    post: importFx,
    columns: FX_CSV_COLUMNS as readonly string[],
    valid: (n: number) => ['EUR', String(2000 + (n % 25)), `1.${n}`],
  },
  {
    kind: 'exposures',
    post: importExposures,
    columns: EXPOSURE_CSV_COLUMNS as readonly string[],
    valid: (n: number) => [
      'Fuzz Co',
      ['capex', 'revenue', 'all', ''][n % 4]!,
      String(2000 + (n % 25)),
      '',
      `0.${n % 10}`,
      '',
      '',
      '',
      '',
      `${n % 10 === 0 ? 0 : 1 - (n % 10) / 10}`,
    ],
  },
] as const;

const hostileChar = fc.constantFrom(
  '"',
  ',',
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\uFEFF',
  "'",
  '=',
  '+',
  '-',
  '@',
  ' ',
  '\t',
  'é',
  '株',
  '\u2028',
  '😀',
);
const hostileCell = fc.oneof(
  fc.array(fc.oneof(hostileChar, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom('1e400', '-0', 'NaN', '0x10', '99999999999999999999.9999999', '２０２４', ''),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

function fileArbitrary(columns: readonly string[], valid: (n: number) => string[]) {
  const header = fc.oneof(
    fc.constant([...columns]),
    fc.shuffledSubarray([...columns], { minLength: 1 }),
    fc.array(hostileCell, { minLength: 1, maxLength: 6 }),
  );
  const validWithOneHostile = fc
    .tuple(fc.nat(1_000), fc.nat(columns.length - 1), hostileCell)
    .map(([n, at, cell]) => valid(n).map((c, i) => (i === at ? cell : c)));
  const row = fc.oneof(
    validWithOneHostile,
    fc.nat(1_000).map((n) => valid(n)),
    fc.array(hostileCell, { maxLength: columns.length + 3 }),
  );
  const quoteAll = (cells: string[]) => cells.map((c) => `"${c.replaceAll('"', '""')}"`);
  return fc
    .record({
      bom: fc.boolean(),
      header,
      rows: fc.array(fc.tuple(row, fc.boolean()), { maxLength: 12 }),
      eol,
      trailing: fc.boolean(),
    })
    .map(({ bom, header, rows, eol, trailing }) => {
      const lines = [header, ...rows.map(([cells, quoted]) => (quoted ? quoteAll(cells) : cells))].map((cells) =>
        cells.join(','),
      );
      return `${bom ? '\uFEFF' : ''}${lines.join(eol)}${trailing ? eol : ''}`;
    });
}

async function rowCounts() {
  const db = await getDb();
  const of = async (table: typeof companies | typeof figures | typeof fxRates | typeof auditEvents | typeof exposureProfiles) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    companies: await of(companies),
    figures: await of(figures),
    fx: await of(fxRates),
    profiles: await of(exposureProfiles),
    audit: await of(auditEvents),
  };
}

describe('POST /api/v1/import/* with fuzzed files', () => {
  useFreshDatabase('pglite');
  beforeAll(async () => {
    session.actor = await makeUser('analyst');
    const company = `${COMPANY_CSV_COLUMNS.join(',')}\nFuzz Co,FZ,US,public,12,,,1,,,,,,USD,,`;
    const response = await importCompanies(
      new NextRequest('http://localhost/api/v1/import/companies', { method: 'POST', body: company }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
  });

  it.each(KINDS)(
    '$kind: never a 5xx; a 422 names each issue; a refused import writes nothing',
    async ({ kind, post, columns, valid }) => {
      await fc.assert(
        fc.asyncProperty(fileArbitrary(columns, valid), fc.boolean(), async (file, dryRun) => {
          const before = await rowCounts();
          const response = await post(
            new NextRequest(`http://localhost/api/v1/import/${kind}${dryRun ? '?dryRun=1' : ''}`, {
              method: 'POST',
              body: file,
              headers: { 'Content-Type': 'text/csv' },
            }),
            { params: Promise.resolve({}) },
          );
          const body = await response.json();
          expect([200, 422]).toContain(response.status);
          if (response.status === 422) {
            expect(body.error.message).toEqual(expect.any(String));
            expect(body.error.issues.length).toBeGreaterThan(0);
            expect(body.error.issues.length).toBeLessThanOrEqual(1_000);
            expect(body.error.issueCount).toBeGreaterThanOrEqual(body.error.issues.length);
            for (const issue of body.error.issues) {
              expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
              expect(issue.column === null || typeof issue.column === 'string').toBe(true);
              expect(issue.message).toEqual(expect.stringMatching(/\S/));
            }
          }
          if (response.status !== 200 || dryRun) expect(await rowCounts()).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    },
    300_000,
  );
});
