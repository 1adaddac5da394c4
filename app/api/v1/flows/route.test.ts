import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as analyticsGet } from '@/app/api/v1/analytics/flows/route';
import type { Actor } from '@/lib/domain/actor';
import { makeUser } from '@/lib/testing/actors';
import { addCompany } from '@/lib/testing/companies';
import { useFreshDatabase } from '@/lib/testing/database';
import { routeParams, routeRequest } from '@/lib/testing/route-request';
import { GET, PUT } from './route';

// The wrapper resolves the actor through next-auth, which needs Next's request scope; the tests hand it one.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock('@/lib/auth/session', () => ({ verifySession: async () => session.actor, requestAddress: async () => '127.0.0.1' }));

/** The bad inputs issue 16 names: each a 4xx naming the field, and nothing written. */
describe('the flows API refuses bad input by field', () => {
  useFreshDatabase('pglite');
  let analyst: Actor;
  let flow: (over: Record<string, unknown>) => Record<string, unknown>;
  let cloudId: string;
  beforeAll(async () => {
    analyst = await makeUser('analyst');
    const cloud = await addCompany(analyst, { name: 'Api Cloud', exposures: [{ layer: 'execution', share: '1' }] });
    const gpu = await addCompany(analyst, { name: 'Api Gpu', exposures: [{ layer: 'chips', share: '1' }] });
    cloudId = cloud.id;
    const base = {
      payerId: cloud.id,
      payerLayer: 'execution',
      payeeId: gpu.id,
      payeeLayer: 'chips',
      year: 2024,
      value: '10',
      currency: 'USD',
    };
    flow = (over) => ({ ...base, ...over });
  });
  beforeEach(() => {
    session.actor = analyst;
  });

  const put = (flows: unknown[]) => PUT(routeRequest('PUT', '/api/v1/flows', { flows }), routeParams({}));
  const stored = async () => {
    const response = await GET(routeRequest('GET', `/api/v1/flows?company=${cloudId}`), routeParams({}));
    return ((await response.json()) as { items: unknown[] }).items.length;
  };

  it.each([
    ['payer = payee', () => flow({ payeeId: cloudId }), ['flows', 0, 'payeeId']],
    ['a layer the company is not in', () => flow({ payeeLayer: 'models' }), ['flows', 0, 'payeeLayer']],
    ['a negative value', () => flow({ value: '-1' }), ['flows', 0, 'value']],
    ['an unknown company', () => flow({ payerId: '00000000-0000-4000-8000-000000000000' }), ['flows', 0, 'payerId']],
  ])('%s', async (_, make, path) => {
    const response = await put([make()]);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { issues: { path: unknown[] }[] } };
    expect(body.error.issues.map((i) => i.path)).toContainEqual(path);
    expect(await stored()).toBe(0);
  });

  it('a second currency for a key', async () => {
    const response = await put([flow({}), flow({ kind: 'estimate', currency: 'EUR' })]);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { issues: { path: unknown[] }[] } };
    expect(body.error.issues.map((i) => i.path)).toEqual([['flows', 1, 'currency']]);
    expect(await stored()).toBe(0);
  });

  it('year=abc', async () => {
    session.actor = await makeUser('viewer');
    const response = await analyticsGet(routeRequest('GET', '/api/v1/analytics/flows?year=abc'), routeParams({}));
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { issues: { path: unknown[] }[] } };
    expect(body.error.issues[0]!.path).toEqual(['year']);
  });
});
