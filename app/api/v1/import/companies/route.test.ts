import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { companyFilterSchema } from '@/lib/companies/filter';
import { listCompanies } from '@/lib/dal/companies';
import { makeUser } from '@/lib/testing/actors';
import { useFreshDatabase } from '@/lib/testing/database';
import { POST } from './route';

// The wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,website,description';
const GOOD = `${HEADER}\nRoute Alpha,RTA,US,public,12,Portfolio,,1,,,,,,\nRoute Beta,,NL,private,6,,,,,50,50,,,\n`;
const noParams = { params: Promise.resolve({}) };

function post(query: string, body: BodyInit, headers: Record<string, string> = { 'Content-Type': 'text/csv' }) {
  return POST(
    new NextRequest(`http://localhost/api/v1/import/companies${query}`, { method: 'POST', body, headers, duplex: 'half' }),
    noParams,
  );
}

async function companyCount(actor: Actor): Promise<number> {
  return (await listCompanies({ actor }, companyFilterSchema.parse({ q: 'Route ' }))).total;
}

describe('POST /api/v1/import/companies', () => {
  useFreshDatabase('pglite');
  let analyst: Actor;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
  });
  beforeEach(() => {
    session.actor = analyst;
  });

  it('previews with ?dryRun=1, then imports', async () => {
    const dry = await post('?dryRun=1', GOOD);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({ dryRun: true, created: 2, updated: 0, unchanged: 0, warnings: [] });
    expect(await companyCount(analyst)).toBe(0);

    const real = await post('', GOOD, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(await real.json()).toEqual({ dryRun: false, created: 2, updated: 0, unchanged: 0, warnings: [] });
    expect(await companyCount(analyst)).toBe(2);
  });

  it('answers 422 with every bad row, and writes nothing', async () => {
    const before = await companyCount(analyst);
    const response = await post('', `${HEADER}\nRoute Gamma,,US,public,13,,,1,,,,,,\nRoute Delta,,US,public,12,,,0.5,,,,,,\n`);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.message).toMatch(/2 problems/);
    expect(body.error.issues).toEqual([
      { line: 2, column: 'fiscal_year_end_month', message: 'Enter a month from 1 to 12.' },
      { line: 3, column: 'shares', message: expect.stringContaining('sum to 0.5') },
    ]);
    expect(await companyCount(analyst)).toBe(before);
  });

  it('refuses a misspelt dryRun flag instead of writing', async () => {
    const before = await companyCount(analyst);
    const response = await post('?dryrun=1', GOOD.replace(/Route/g, 'Route Typo'));
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues).toEqual([{ path: [], message: 'Unknown query parameter: dryrun.' }]);
    expect(await post('?dryRun=maybe', GOOD).then((r) => r.status)).toBe(422);
    expect(await companyCount(analyst)).toBe(before);
  });

  it('answers 413 for a body over 20 MB, declared or streamed', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61);
    const declared = await post('?dryRun=1', big, { 'Content-Type': 'text/csv', 'Content-Length': String(big.byteLength) });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: { message: expect.stringContaining('larger than 20 MB') } });

    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 21; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
        controller.close();
      },
    });
    expect((await post('?dryRun=1', stream)).status).toBe(413);
  });

  it('refuses a file that is not UTF-8 and a multipart upload, with the reason', async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\nSoci`),
      0xe9,
      ...new TextEncoder().encode('t\u00e9,,,,,,,,,,,,,\n'),
    ]);
    const response = await post('?dryRun=1', latin1);
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues).toEqual([
      { line: 2, column: null, message: expect.stringContaining('not UTF-8') },
    ]);

    const form = new FormData();
    form.set('file', new Blob([GOOD], { type: 'text/csv' }), 'companies.csv');
    const multipart = await POST(
      new NextRequest('http://localhost/api/v1/import/companies', { method: 'POST', body: form }),
      noParams,
    );
    expect(multipart.status).toBe(415);
  });

  it('needs an analyst: 401 without a session, 403 for a viewer', async () => {
    session.actor = null;
    expect((await post('?dryRun=1', GOOD)).status).toBe(401);
    session.actor = await makeUser('viewer');
    const forbidden = await post('?dryRun=1', GOOD);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toBe('This needs the analyst role; you are viewer.');
  });
});
