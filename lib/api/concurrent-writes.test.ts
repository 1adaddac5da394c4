import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { POST as postCompany } from '@/app/api/v1/companies/route';
import { PUT as putFigures } from '@/app/api/v1/figures/route';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { openPooledConnections, TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';

// The route's wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const noParams = { params: Promise.resolve({}) };
const send = (method: string, path: string, body: unknown) =>
  new NextRequest(`http://localhost${path}`, {
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
const unique = () => Math.random().toString(36).slice(2, 8);

/** The red-team run's requests, as the API answers them: statuses and bodies (docs/data-contract.md §7). */
describe.each(TEST_DRIVERS)('concurrent API writes on %s', (driver) => {
  const database = useFreshDatabase(driver);

  /** Fires the requests together once every pooled connection is open. */
  async function fire(n: number, request: (i: number) => Promise<Response>) {
    await openPooledConnections(database.current().db);
    const responses = await Promise.all(Array.from({ length: n }, (_, i) => request(i)));
    return Promise.all(responses.map(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> })));
  }

  it('20 PUTs of one new figure: one 200, nineteen 409s with the stored figure, no 500', async () => {
    session.actor = await makeUser('analyst');
    const company = await addCompany(session.actor, { name: `Api Figures ${unique()}`, currency: 'EUR' });
    const figure = (i: number) => ({
      companyId: company.id,
      fiscalYear: 2024,
      fiscalQuarter: null,
      metric: 'revenue',
      kind: 'reported',
      value: `${500 + i}`,
      currency: 'EUR',
    });
    const answers = await fire(20, (i) => putFigures(send('PUT', '/api/v1/figures', { figures: [figure(i)] }), noParams));

    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array<number>(19).fill(409)]);
    const [stored] = (answers.find((a) => a.status === 200)!.body as { figures: unknown[] }).figures;
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.current).toEqual(stored);
  });

  it('20 POSTs of one company name: one 201, nineteen 422s naming the company, no 500', async () => {
    session.actor = await makeUser('analyst');
    const name = `Api Race ${unique()}`;
    const answers = await fire(20, () => postCompany(send('POST', '/api/v1/companies', { name }), noParams));

    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array<number>(19).fill(422)]);
    for (const answer of answers.filter((a) => a.status === 422))
      expect(answer.body.error).toMatchObject({ message: `A company named ${name} already exists.` });
  });

  it('10 POSTs of different companies naming one new list: all 201, in one list', async () => {
    session.actor = await makeUser('analyst');
    const list = `Api List ${unique()}`;
    const answers = await fire(10, (i) =>
      postCompany(send('POST', '/api/v1/companies', { name: `${list} ${i}`, lists: [list] }), noParams),
    );

    expect(answers.map((a) => a.status)).toEqual(Array<number>(10).fill(201));
    expect(answers.map((a) => a.body.lists)).toEqual(Array(10).fill([list]));
  });
});
