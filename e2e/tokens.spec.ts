import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.use({ storageState: storageStateFor('viewer') });

test('a token created in the UI reads /api/v1/layers and is refused after revocation', async ({ page, playwright }) => {
  await page.goto('/account/tokens');
  await page.getByLabel('Token name').fill('Notebook');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = ((await page.getByTestId('secret').textContent()) ?? '').trim();
  expect(token).toMatch(/^slk_[A-Za-z0-9_-]{43}$/);

  const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const ok = await api.get('/api/v1/layers');
  expect(ok.status()).toBe(200);
  expect((await ok.json()).layers).toHaveLength(6);

  await page.reload();
  const row = page.getByTestId('token-Notebook');
  await expect(row).toContainText(/UTC/); // last used is now recorded
  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByRole('button', { name: 'Revoke "Notebook"' }).click();
  await expect(row.getByText(/revoked/)).toBeVisible();

  expect((await api.get('/api/v1/layers')).status()).toBe(401);
  await api.dispose();
});
