import { strFromU8 } from 'fflate';
import { expect, test } from '@playwright/test';
import { makePng } from '../lib/testing/images';
import { E2E_BASE_URL, storageStateFor } from './fixtures/env';
import { exportFrom, keep, svgFacts, unzip } from './fixtures/export-files';

/**
 * The firm's mark (docs/data-contract.md §7, Firm): an admin sets the name and a logo, and every export carries
 * them — the memo's source line ends with the name and the logo sits beside it; the memo pack's title slide shows
 * both. A viewer can do neither. The mark is cleared afterwards, so other exports in the suite carry none.
 */
test.use({ storageState: storageStateFor('admin') });
test.describe.configure({ mode: 'serial', timeout: 90_000 });

const FIRM = 'Acme Capital E2E';
const LOGO = makePng(300, 100);

test.afterAll(async ({ playwright }) => {
  const admin = await playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStateFor('admin'),
  });
  await admin.put('/api/v1/firm', { data: { name: '' } });
  await admin.delete('/api/v1/firm/logo');
  await admin.dispose();
});

test('the firm’s name and logo go into a chart’s memo and onto the memo pack’s title slide', async ({ page }, testInfo) => {
  expect((await page.request.put('/api/v1/firm', { data: { name: FIRM } })).status()).toBe(200);
  const upload = await page.request.post('/api/v1/firm/logo', {
    data: Buffer.from(LOGO),
    headers: { 'Content-Type': 'image/png' },
  });
  expect(upload.status()).toBe(200);

  await page.goto('/?year=2024');
  const card = page.locator('#layer-pools');
  await expect(card.locator('[data-chart] .recharts-wrapper')).toBeVisible({ timeout: 30_000 });
  const svg = (await exportFrom(card, 'SVG vector image', testInfo)).bytes.toString('utf8');
  const facts = await svgFacts(page, svg);
  expect(facts.parseError).toBeNull();
  expect(facts.texts.join(' ')).toMatch(new RegExp(` · data as of [^·]+ UTC · ${FIRM}$`));
  // The logo is the uploaded image itself, inside the file: the SVG still refers to nothing outside it.
  expect(svg).toContain(`<image href="data:image/png;base64,${Buffer.from(LOGO).toString('base64')}"`);

  await page.getByRole('button', { name: 'Memo pack…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Memo pack' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download PPTX' }).click();
  const deck = unzip((await keep(await download, testInfo)).bytes);
  const cover = strFromU8(deck['ppt/slides/slide1.xml']!);
  expect(cover).toContain(FIRM);
  expect(cover).toContain('descr="Logo"');
  expect(
    Object.entries(deck).some(([name, bytes]) => name.startsWith('ppt/media/') && Buffer.from(bytes).equals(Buffer.from(LOGO))),
  ).toBe(true);
});

test.describe('a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('can set neither the name nor the logo, and sees no Firm page', async ({ page }) => {
    expect((await page.request.put('/api/v1/firm', { data: { name: 'Not mine' } })).status()).toBe(403);
    const upload = await page.request.post('/api/v1/firm/logo', {
      data: Buffer.from(LOGO),
      headers: { 'Content-Type': 'image/png' },
    });
    expect(upload.status()).toBe(403);
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Firm' })).toHaveCount(0);
  });
});
