import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { getCompany } from '@/lib/dal/companies';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { useFreshDatabase } from '@/lib/testing/database';
import { GET } from '../../export/exposures.csv/route';
import { POST } from './route';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const HEADER = 'company,scope,from_year,infrastructure,chips,data,models,execution,application,outside';
const noParams = { params: Promise.resolve({}) };
const post = (query: string, body: string) =>
  POST(
    new NextRequest(`http://localhost/api/v1/import/exposures${query}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/csv' },
    }),
    noParams,
  );

describe('POST /api/v1/import/exposures and GET /api/v1/export/exposures.csv', () => {
  useFreshDatabase('pglite');
  let analyst: Actor;
  let viewer: Actor;
  let id: string;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
    viewer = await makeUser('viewer');
    id = (await addCompany(analyst, { name: 'Route Cloud', exposures: [{ layer: 'application', share: '1' }] })).id;
  });
  beforeEach(() => {
    session.actor = analyst;
  });

  it.each([
    ['scope capx', 'Route Cloud,capx,2024,1,,,,,,', 'scope'],
    ['from-year 20x4', 'Route Cloud,capex,20x4,1,,,,,,', 'from_year'],
    ['shares over 1', 'Route Cloud,capex,2024,1.2,,,,,,', 'shares'],
    ['the base row', 'Route Cloud,all,,1,,,,,,', 'from_year'],
  ])('refuses %s with a 422 naming the column, and writes nothing', async (_, row, column) => {
    // The tests run in a random order: compare with what was stored before.
    const before = await getCompany({ actor: analyst }, id);
    const response = await post('', `${HEADER}\n${row}\n`);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { issues: { line: number; column: string }[] } };
    expect(error.issues).toEqual([expect.objectContaining({ line: 2, column })]);
    expect(await getCompany({ actor: analyst }, id)).toEqual(before);
  });

  it('refuses a duplicate scope/from-year naming both lines; imports after a dry run; exports for a viewer', async () => {
    const twice = await post('', `${HEADER}\nRoute Cloud,capex,2024,1,,,,,,\nroute cloud,CAPEX,2024,1,,,,,,\n`);
    expect(twice.status).toBe(422);
    expect(JSON.stringify(await twice.json())).toContain('as line 2');
    const file = `${HEADER}\nRoute Cloud,capex,,1,,,,,,\n`;
    expect(await (await post('?dryRun=1', file)).json()).toMatchObject({ dryRun: true, created: 1 });
    expect(await (await post('', file)).json()).toMatchObject({ dryRun: false, created: 1 });
    session.actor = viewer;
    expect((await post('', file)).status).toBe(403);
    const exported = await GET(new NextRequest('http://localhost/api/v1/export/exposures.csv'), noParams);
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain('Route Cloud,capex,,1,0,0,0,0,0,0');
  });
});
