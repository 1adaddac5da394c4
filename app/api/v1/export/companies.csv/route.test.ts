import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { importCompaniesCsv } from '@/lib/dal/company-csv';
import { makeUser } from '@/lib/testing/actors';
import { useFreshDatabase } from '@/lib/testing/database';
import { GET } from './route';

// The wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,website,description';

function get(query = '') {
  return GET(new NextRequest(`http://localhost/api/v1/export/companies.csv${query}`), { params: Promise.resolve({}) });
}

describe('GET /api/v1/export/companies.csv', () => {
  useFreshDatabase('pglite');
  beforeAll(async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `Export ${String(i).padStart(2, '0')},,US,public,12,${i < 55 ? 'Portfolio' : ''},,1,,,,,,`,
    );
    await importCompaniesCsv({ actor: await makeUser('analyst') }, { text: [HEADER, ...rows].join('\n'), dryRun: false });
    session.actor = await makeUser('viewer');
  });

  it('downloads the whole filtered set as an attachment, ignoring paging and bad filter values', async () => {
    const response = await get('?list=portfolio&limit=5&offset=50&status=bogus');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="stacklens-companies-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, so Excel reads UTF-8
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description',
    );
    expect(lines).toHaveLength(1 + 55);
    expect(lines[1]).toBe('Export 00,,US,public,12,Portfolio,0,1,0,0,0,0,0,USD,,');
  });

  it('answers 401 without a session', async () => {
    const viewer = session.actor;
    session.actor = null;
    const response = await get();
    session.actor = viewer;
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { message: expect.stringContaining('Sign in') } });
  });
});
