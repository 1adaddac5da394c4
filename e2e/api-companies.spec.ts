import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.use({ storageState: storageStateFor('analyst') });

test('the companies API creates, reads, patches with versions, archives and validates (docs/data-contract.md §7)', async ({
  request,
}) => {
  const created = await request.post('/api/v1/companies', {
    data: {
      name: 'Api Co',
      ticker: 'APIC',
      exposures: [
        { layer: 'models', share: '0.25' },
        { layer: 'application', share: 0.5 },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const company = await created.json();
  expect(company).toMatchObject({ name: 'Api Co', version: 1, outside: '0.25', primaryLayer: 'application' });
  expect(company.exposures).toEqual([
    { layer: 'models', share: '0.25', subLayer: null },
    { layer: 'application', share: '0.5', subLayer: null },
  ]);

  const listed = await (await request.get('/api/v1/companies?layer=models&q=api%20co')).json();
  expect(listed.total).toBe(1);
  expect(listed.items[0].id).toBe(company.id);

  const patched = await request.patch(`/api/v1/companies/${company.id}`, { data: { version: 1, country: 'de' } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ country: 'DE', version: 2, ticker: 'APIC' });

  const stale = await request.patch(`/api/v1/companies/${company.id}`, { data: { version: 1, country: 'fr' } });
  expect(stale.status()).toBe(409);
  const conflict = await stale.json();
  expect(conflict.error.message).toMatch(/changed by someone else/);
  expect(conflict.current).toMatchObject({ country: 'DE', version: 2 });

  const invalid = await request.post('/api/v1/companies', {
    data: { name: 'Bad', exposures: [{ layer: 'chips', share: '1.2' }] },
  });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.issues.length).toBeGreaterThan(0);
  expect(
    (
      await request.post('/api/v1/companies', { data: Buffer.from('{not json'), headers: { 'content-type': 'application/json' } })
    ).status(),
  ).toBe(400);
  expect((await request.get('/api/v1/companies?layer=energy')).status()).toBe(422);
  expect((await request.get('/api/v1/companies/00000000-0000-4000-8000-000000000000')).status()).toBe(404);

  const archived = await request.delete(`/api/v1/companies/${company.id}`);
  expect(archived.status()).toBe(200);
  expect((await archived.json()).archived).toBe(true);
  expect((await (await request.get('/api/v1/companies?q=api%20co')).json()).total).toBe(0);
  expect((await (await request.get('/api/v1/companies?q=api%20co&archived=include')).json()).total).toBe(1);
  expect((await request.delete(`/api/v1/companies/${company.id}?permanent=1`)).status()).toBe(403);

  const restored = await request.patch(`/api/v1/companies/${company.id}`, { data: { version: 3, archived: false } });
  expect(await restored.json()).toMatchObject({ archived: false, version: 4 });
});
