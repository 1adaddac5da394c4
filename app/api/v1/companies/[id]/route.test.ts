import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { useFreshDatabase } from '@/lib/testing/database';
import { routeParams, routeRequest } from '@/lib/testing/route-request';
import { GET, PATCH } from './route';

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

describe('GET|PATCH /api/v1/companies/{id} with profiles', () => {
  useFreshDatabase('pglite');
  let analyst: Actor;
  let viewer: Actor;
  let id: string;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
    viewer = await makeUser('viewer');
    id = (await addCompany(analyst, { name: 'Route Hyperscaler', exposures: [{ layer: 'application', share: '0.8' }] })).id;
  });
  beforeEach(() => {
    session.actor = analyst;
  });

  const patch = (body: unknown) => PATCH(routeRequest('PATCH', `/api/v1/companies/${id}`, body), routeParams({ id }));
  const get = () => GET(routeRequest('GET', `/api/v1/companies/${id}`), routeParams({ id }));
  // The tests run in a random order: each reads the version it patches.
  const version = async (): Promise<number> => ((await (await get()).json()) as { version: number }).version;

  it('replaces the profiles with PATCH and shows them with GET, beside the base exposures', async () => {
    const profiles = [{ scope: 'capex', fromYear: null, exposures: [{ layer: 'infrastructure', share: '0.95' }] }];
    const read = await version();
    const response = await patch({ version: read, profiles });
    expect(response.status).toBe(200);
    const body = await (await get()).json();
    expect(body).toMatchObject({
      version: read + 1,
      exposures: [{ layer: 'application', share: '0.8', subLayer: null }],
      profiles: [
        {
          scope: 'capex',
          fromYear: null,
          exposures: [{ layer: 'infrastructure', share: '0.95', subLayer: null }],
          outside: '0.05',
        },
      ],
    });
    expect((await patch({ version: read, profiles: [] })).status).toBe(409);
  });

  it.each([
    [{ scope: 'capx', exposures: [] }, 'scope'],
    [{ scope: 'capex', fromYear: '20x4', exposures: [] }, 'fromYear'],
    [{ scope: 'capex', fromYear: 2024, exposures: [{ layer: 'chips', share: '1.5' }] }, 'exposures'],
    [{ scope: 'all', fromYear: null, exposures: [] }, 'fromYear'],
  ])('refuses %j with a 4xx naming %s, and writes nothing', async (profile, field) => {
    const read = await version();
    const response = await patch({ version: read, profiles: [profile] });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const { error } = (await response.json()) as { error: { issues: { path: (string | number)[] }[] } };
    expect(error.issues.some((i) => i.path[0] === 'profiles' && i.path.includes(field))).toBe(true);
    expect(await version()).toBe(read);
  });

  it('refuses a duplicate scope and from-year, and lets a viewer read the profiles but not change them', async () => {
    const twice = { scope: 'revenue', fromYear: 2022, exposures: [] };
    const read = await version();
    const twiceResponse = await patch({ version: read, profiles: [twice, twice] });
    expect(twiceResponse.status).toBe(422);
    expect(JSON.stringify(await twiceResponse.json())).toContain('Revenue from 2022 appears twice');
    session.actor = viewer;
    expect(Array.isArray((await (await get()).json()).profiles)).toBe(true);
    expect((await patch({ version: read, profiles: [] })).status).toBe(403);
    expect(await version()).toBe(read);
  });
});
