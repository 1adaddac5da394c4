import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.use({ storageState: storageStateFor('analyst') });

test('the Layers page shows the six layers, application on top, with live counts', async ({ page }) => {
  await page.goto('/layers');
  const layers = page.locator('.stack-layer');
  await expect(layers).toHaveCount(6);
  // Drawn bottom to top: the last item in the DOM order is shown at the top.
  const boxes = await Promise.all(
    ['infrastructure', 'application'].map((k) => page.locator(`[data-layer="${k}"]`).boundingBox()),
  );
  expect(boxes[1]!.y).toBeLessThan(boxes[0]!.y);
  for (const key of ['infrastructure', 'chips', 'data', 'models', 'execution', 'application']) {
    await expect(page.getByTestId(`count-${key}`)).toHaveText(/^\d+compan(y|ies)$/);
    await expect(page.getByTestId(`count-${key}`)).toHaveAttribute('href', `/companies?layer=${key}`);
  }
  await expect(page.getByText(/Revenue originates at the application layer/)).toBeVisible();
});

test('the Layers page presents what each layer holds and where it ends', async ({ page }) => {
  await page.goto('/layers');
  await expect(page.getByRole('row', { name: /Chips/ })).toContainText('At the packaged part');
  await expect(page.getByRole('row', { name: /Infrastructure/ })).toContainText('lithography');
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '404 — Not found' })).toBeVisible();
});

test('every page loads without a failed request: the favicon and icon exist', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Where value accrues across the AI stack' })).toBeVisible();
  for (const file of ['/favicon.ico', '/icon.svg']) {
    const response = await page.request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()['content-type'], file).toMatch(/^image\//);
  }
  expect(failed).toEqual([]);
});

test('the sidebar prefetches a page when the pointer reaches its link, not while the dashboard loads', async ({ page }) => {
  const prefetched: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.searchParams.has('_rsc')) prefetched.push(url.pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Where value accrues across the AI stack' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const sidebar = page.getByRole('navigation', { name: 'Main' });
  expect(prefetched.filter((p) => p === '/figures')).toEqual([]);

  await sidebar.getByRole('link', { name: 'Figures' }).hover();
  await expect.poll(() => prefetched.includes('/figures')).toBe(true);
  await sidebar.getByRole('link', { name: 'Figures' }).click();
  await expect(page).toHaveURL(/\/figures$/);
});
