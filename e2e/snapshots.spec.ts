import { expect, test, type Page } from '@playwright/test';
import { asOfText } from '../lib/export/memo-text';
import { storageStateFor } from './fixtures/env';
import { expectMemoPng, exportFrom, svgFacts } from './fixtures/export-files';

test.use({ storageState: storageStateFor('analyst') });
test.describe.configure({ timeout: 90_000 });

/** The layer-pools card's "Total Chips" row of View data, as the page shows it. */
async function chipsTotal(page: Page): Promise<string> {
  const row = page.locator('#layer-pools details table tbody tr').filter({ hasText: 'Total Chips' });
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  return ((await row.locator('td').nth(2).textContent()) ?? '').trim();
}

test('a frozen snapshot opens as a read-only dashboard that keeps its numbers when a figure changes, exports say so, and Compare with now names the change', async ({
  page,
  browser,
}, testInfo) => {
  const tag = Math.random().toString(36).slice(2, 8);
  // The company alone on a list of its own, so the list's chips pool is its revenue.
  const list = `Snap ${tag}`;
  const created = await page.request.post('/api/v1/companies', {
    data: { name: `Snap Co ${tag}`, lists: [list], exposures: [{ layer: 'chips', share: '1' }] },
  });
  expect(created.status()).toBe(201);
  const company = await created.json();
  const figure = { companyId: company.id, fiscalYear: 2024, fiscalQuarter: null, metric: 'revenue', kind: 'reported' };
  const put = (value: string, version?: number) =>
    page.request.put('/api/v1/figures', {
      data: { figures: [{ ...figure, value, currency: 'USD', source: null, note: null, version }] },
    });
  expect((await put('100')).status()).toBe(200);

  const live = `/?year=2024&list=${encodeURIComponent(list)}`;
  await page.goto(live);
  expect(await chipsTotal(page)).toBe('100.0');
  await page.getByRole('button', { name: 'Views…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved views' });
  await dialog.getByLabel('Freeze the numbers for a memo').fill(`Memo ${tag}`);
  await dialog.getByRole('button', { name: 'Freeze for memo' }).click();
  await dialog.getByRole('link', { name: 'open the snapshot' }).click();
  await expect(page).toHaveURL(/\/snapshots\/[0-9a-f-]{36}$/);
  const banner = page.getByRole('note');
  await expect(banner).toContainText(`Snapshot “Memo ${tag}”, frozen`);
  await expect(banner).toContainText('; data as of');
  const snapshotUrl = page.url();
  const snapshot = await (await page.request.get(`/api/v1/snapshots/${snapshotUrl.split('/').at(-1)}`)).json();

  // The figure changes: the live dashboard follows, the snapshot keeps what it froze.
  const [stored] = (await (await page.request.get(`/api/v1/figures?company=${company.id}`)).json()).items;
  expect((await put('150', stored.version)).status()).toBe(200);
  await page.goto(live);
  expect(await chipsTotal(page)).toBe('150.0');
  await page.goto(snapshotUrl);
  await expect(page.getByRole('heading', { name: 'Where value accrues in 2024' })).toBeVisible();
  expect(await chipsTotal(page)).toBe('100.0');
  // Read-only: the filters and the switches are disabled, and there are no views to save.
  await expect(page.getByRole('form', { name: 'Dashboard filters' }).getByRole('combobox', { name: 'List' })).toBeDisabled();
  await expect(page.getByRole('form', { name: 'Dashboard filters' }).getByRole('combobox', { name: 'List' })).toHaveValue(list);
  await expect(page.locator('#over-time').getByRole('switch', { name: 'Like-for-like' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Views…' })).toHaveCount(0);

  // An export from the snapshot names it and the data's as-of of the snapshot, not today's.
  const card = page.locator('#layer-pools');
  const svg = await exportFrom(card, 'SVG vector image', testInfo);
  const footer = (await svgFacts(page, svg.bytes.toString('utf8'))).texts.join(' ');
  expect(footer).toContain(
    `snapshot “Memo ${tag}”, frozen ${snapshot.createdAt.slice(0, 10)} · data as of ${asOfText(snapshot.asOf)}`,
  );
  expectMemoPng((await exportFrom(card, 'PNG image (2×)', testInfo)).bytes, { width: 3200, height: 1800 });

  await page.getByRole('button', { name: 'Compare with now' }).click();
  const chips = page.getByRole('table', { name: 'The snapshot compared with now' }).getByRole('row', { name: /^Chips/ });
  await expect(chips.getByRole('cell').nth(2)).toHaveText('+$50.0M');
  await expect(page.getByRole('list', { name: 'Changes since the snapshot' })).toContainText(`Snap Co ${tag}`);
  await expect(page.getByRole('list', { name: 'Changes since the snapshot' })).toContainText('100 → 150');

  // A viewer reads it but sees no freeze or delete; the API refuses the viewer's freeze.
  const viewer = await browser.newContext({ storageState: storageStateFor('viewer') });
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(snapshotUrl);
  await expect(viewerPage.getByRole('note')).toContainText(`Memo ${tag}`);
  expect(await chipsTotal(viewerPage)).toBe('100.0');
  await expect(viewerPage.getByRole('button', { name: 'Delete snapshot' })).toHaveCount(0);
  expect((await viewerPage.request.post('/api/v1/snapshots', { data: { name: 'Not mine' } })).status()).toBe(403);
  await viewerPage.goto('/');
  await viewerPage.getByRole('button', { name: 'Views…' }).click();
  await expect(viewerPage.getByRole('button', { name: 'Freeze for memo' })).toHaveCount(0);
  await viewer.close();
});
