import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.use({ storageState: storageStateFor('analyst') });

test('a frozen snapshot keeps its numbers when a figure changes, and Compare with now names the change and its delta', async ({
  page,
  browser,
}) => {
  const tag = Math.random().toString(36).slice(2, 8);
  const created = await page.request.post('/api/v1/companies', {
    data: { name: `Snap Co ${tag}`, exposures: [{ layer: 'chips', share: '1' }] },
  });
  expect(created.status()).toBe(201);
  const company = await created.json();
  const figure = { companyId: company.id, fiscalYear: 2024, fiscalQuarter: null, metric: 'revenue', kind: 'reported' };
  const put = (value: string, version?: number) =>
    page.request.put('/api/v1/figures', {
      data: { figures: [{ ...figure, value, currency: 'USD', source: null, note: null, version }] },
    });
  expect((await put('100')).status()).toBe(200);

  await page.goto('/?year=2024');
  await page.getByRole('button', { name: 'Views…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved views' });
  await dialog.getByLabel('Freeze the numbers for a memo').fill(`Memo ${tag}`);
  await dialog.getByRole('button', { name: 'Freeze for memo' }).click();
  await dialog.getByRole('link', { name: 'open the snapshot' }).click();
  await expect(page.getByRole('note')).toContainText(`Snapshot “Memo ${tag}”, frozen`);
  await expect(page.getByRole('note')).toContainText('; data as of');

  const [stored] = (await (await page.request.get(`/api/v1/figures?company=${company.id}`)).json()).items;
  expect((await put('150', stored.version)).status()).toBe(200);

  await page.reload();
  await page.getByRole('button', { name: 'Compare with now' }).click();
  const chips = page.getByRole('table', { name: 'The snapshot compared with now' }).getByRole('row', { name: /^Chips/ });
  await expect(chips.getByRole('cell').nth(2)).toHaveText('+$50.0M');
  await expect(page.getByRole('list', { name: 'Changes since the snapshot' })).toContainText(`Snap Co ${tag}`);
  await expect(page.getByRole('list', { name: 'Changes since the snapshot' })).toContainText('100 → 150');

  // A viewer reads it but sees no freeze or delete; the API refuses the viewer's freeze.
  const viewer = await browser.newContext({ storageState: storageStateFor('viewer') });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(page.url());
  await expect(viewerPage.getByRole('note')).toContainText(`Memo ${tag}`);
  await expect(viewerPage.getByRole('button', { name: 'Delete snapshot' })).toHaveCount(0);
  expect((await viewerPage.request.post('/api/v1/snapshots', { data: { name: 'Not mine' } })).status()).toBe(403);
  await viewerPage.goto('/');
  await viewerPage.getByRole('button', { name: 'Views…' }).click();
  await expect(viewerPage.getByRole('button', { name: 'Freeze for memo' })).toHaveCount(0);
  await viewer.close();
});
