import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.use({ storageState: storageStateFor('analyst') });

test('the figures API saves a batch all or none, guards versions and deletes (docs/data-contract.md §7)', async ({ request }) => {
  const company = await (await request.post('/api/v1/companies', { data: { name: 'Figures Api Co', currency: 'TWD' } })).json();
  const revenue = {
    companyId: company.id,
    fiscalYear: 2024,
    fiscalQuarter: null,
    metric: 'revenue',
    kind: 'reported',
    value: '2894307.7',
    currency: 'TWD',
    source: 'annual report',
  };

  const put = await request.put('/api/v1/figures', {
    data: { figures: [revenue, { ...revenue, metric: 'capex', value: '956000' }] },
  });
  expect(put.status()).toBe(200);
  expect(await put.json()).toMatchObject({ created: 2, updated: 0, unchanged: 0 });

  const bad = await request.put('/api/v1/figures', {
    data: {
      figures: [
        { ...revenue, fiscalYear: 2025 },
        { ...revenue, fiscalYear: 2025, metric: 'capex', value: '-5' },
      ],
    },
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.issues[0].path).toEqual(['figures', 1, 'value']);

  const { items } = await (await request.get(`/api/v1/figures?company=${company.id}`)).json();
  expect(items.map((f: { metric: string; value: string }) => [f.metric, f.value])).toEqual([
    ['revenue', '2894307.7'],
    ['capex', '956000'],
  ]);

  const stale = await request.put('/api/v1/figures', { data: { figures: [{ ...revenue, value: '1' }] } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).current).toMatchObject({ value: '2894307.7', version: 1 });

  const revenueId = items[0].id as string;
  expect((await request.delete(`/api/v1/figures/${revenueId}?version=9`)).status()).toBe(409);
  const unversioned = await request.delete(`/api/v1/figures/${revenueId}`);
  expect(unversioned.status()).toBe(409); // no version: a conflict that carries the stored figure
  expect((await unversioned.json()).current).toMatchObject({ id: revenueId, version: 1 });
  expect((await request.delete(`/api/v1/figures/${revenueId}?version=1`)).status()).toBe(204);
  expect((await (await request.get(`/api/v1/figures?company=${company.id}&metric=revenue`)).json()).items).toEqual([]);
});
