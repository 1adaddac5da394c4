import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '@/lib/dal/api-tokens';
import type { Actor } from '@/lib/domain/actor';
import { ROLES, type Role } from '@/lib/domain/roles';
import { makeUser } from '@/lib/testing/actors';
import {
  API_MATRIX,
  API_QUERY_VARIANTS,
  HTTP_METHODS,
  PAGE_MATRIX,
  PROBED_OVER_HTTP,
  discoverFiles,
  expectedGate,
  gateOf,
  matrixGaps,
  urlOf,
  type Credential,
  type HttpMethod,
  type LeastRole,
} from '@/lib/testing/authz-matrix';
import { TEST_DRIVERS, useFreshDatabase } from '@/lib/testing/database';

// The wrapper resolves a session through next-auth, which needs Next's request scope; the tests hand it the actor.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

const ROOT = path.resolve(import.meta.dirname, '../..');

type Handler = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routeModule = (file: string): Promise<Partial<Record<HttpMethod, Handler>>> =>
  import(/* @vite-ignore */ path.join(ROOT, file));

describe('the authorisation matrix covers the app', () => {
  it('has a row for every method of every route under app/api, and none for a route or method that is gone', async () => {
    const found: string[] = [];
    for (const file of discoverFiles(ROOT, 'app/api', 'route.ts')) {
      const route = await routeModule(file);
      for (const method of HTTP_METHODS) if (typeof route[method] === 'function') found.push(`${method} ${file}`);
    }
    const rows = Object.entries(API_MATRIX).flatMap(([file, methods]) => Object.keys(methods).map((m) => `${m} ${file}`));
    expect(matrixGaps(found, rows)).toEqual([]);
  });

  it('has a row for every page under app, and none for a page that is gone', () => {
    expect(matrixGaps(discoverFiles(ROOT, 'app', 'page.tsx'), Object.keys(PAGE_MATRIX))).toEqual([]);
  });

  it('names the file a row is missing for, and the row whose file is gone', () => {
    expect(
      matrixGaps(['GET app/api/new/route.ts', 'GET app/api/kept/route.ts'], ['GET app/api/kept/route.ts', 'POST x']),
    ).toEqual(['no row in the authorisation matrix: GET app/api/new/route.ts', 'a row names what no longer exists: POST x']);
  });
});

/** A credential as the route sees it: none, a session of a role, or a personal API token of a role. */
type Caller = { credential: Credential; via: 'none' | 'session' | 'token' };
const CALLERS: Caller[] = [
  { credential: 'anonymous', via: 'none' },
  ...ROLES.flatMap((role): Caller[] => [
    { credential: role, via: 'session' },
    { credential: role, via: 'token' },
  ]),
];

/** Dummy values for dynamic segments: the gate is judged before the id is looked up. */
const SEGMENTS = { id: randomUUID(), key: 'chips' };

const REQUESTS = [
  ...Object.entries(API_MATRIX)
    .filter(([file]) => !PROBED_OVER_HTTP.has(file))
    .flatMap(([file, methods]) =>
      (Object.entries(methods) as [HttpMethod, LeastRole][]).map(([method, least]) => ({ file, method, query: '', least })),
    ),
  ...API_QUERY_VARIANTS,
];
const CASES = REQUESTS.flatMap(({ file, method, query, least }) =>
  CALLERS.map((caller) => ({
    file,
    method,
    query,
    least,
    ...caller,
    name: `${method} ${urlOf(file)}${query} as ${caller.via === 'none' ? 'anonymous' : `${caller.credential} (${caller.via})`}`,
  })),
);

describe.each(TEST_DRIVERS)('every API route method refuses below its least role on %s', (driver) => {
  useFreshDatabase(driver);
  const actors = {} as Record<Role, Actor>;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    for (const role of ROLES) {
      actors[role] = await makeUser(role);
      tokens[role] = (await createApiToken({ actor: actors[role] }, { name: 'authorisation matrix' })).token;
    }
  });

  // A loop rather than it.each: `$name` would be cut to 40 characters, and `-t` needs the whole name.
  for (const { file, method, query, least, credential, via, name } of CASES)
    it(name, async () => {
      const handler = (await routeModule(file))[method];
      if (!handler) throw new Error(`${file} no longer exports ${method}`);
      session.actor = via === 'session' && credential !== 'anonymous' ? actors[credential] : null;
      const headers = new Headers({ 'content-type': 'application/json' });
      if (via === 'token' && credential !== 'anonymous') headers.set('authorization', `Bearer ${tokens[credential]}`);
      const url = urlOf(file, SEGMENTS);
      const body = method === 'GET' || method === 'HEAD' || method === 'DELETE' ? undefined : '{}';
      const response = await handler(new NextRequest(`http://localhost${url}${query}`, { method, headers, body }), {
        params: Promise.resolve(SEGMENTS),
      });
      const expected = expectedGate(least, credential);
      expect(gateOf(response.status), `${name}: expected ${expected}, got ${response.status}`).toBe(expected);
    });
});
