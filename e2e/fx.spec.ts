import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.describe('an analyst', () => {
  test.use({ storageState: storageStateFor('analyst') });

  test('adds an FX rate, changes it at the version shown, and sees the table', async ({ page }) => {
    await page.goto('/fx');
    const form = page.getByRole('form', { name: 'Set an FX rate' });
    await form.getByLabel('Currency').fill('chf');
    await form.getByLabel('Year').fill('2019');
    await form.getByLabel('USD per unit').fill('1.0064');
    await form.getByRole('button', { name: 'Add rate' }).click();
    await expect(form.getByRole('status')).toContainText('CHF 2019: 1 CHF = 1.0064 USD.');
    await expect(page.getByRole('table', { name: 'FX rates' }).getByRole('row', { name: /CHF/ })).toContainText('1.0064');

    await form.getByLabel('Currency').fill('CHF');
    await form.getByLabel('Year').fill('2019');
    await expect(form.getByText('Now 1.0064 (version 1)')).toBeVisible();
    await form.getByLabel('USD per unit').fill('1.01');
    await form.getByRole('button', { name: 'Change rate' }).click();
    await expect(page.getByRole('table', { name: 'FX rates' }).getByRole('row', { name: /CHF/ })).toContainText('1.01');

    await form.getByLabel('Currency').fill('USD');
    await form.getByLabel('Year').fill('2019');
    await form.getByLabel('USD per unit').fill('1');
    await form.getByRole('button', { name: 'Add rate' }).click();
    await expect(form.getByText('USD is 1 and needs no rate.').first()).toBeVisible();
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('reads the rates without the form', async ({ page }) => {
    await page.goto('/fx');
    await expect(page.getByRole('heading', { name: 'FX rates' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Set an FX rate' })).toHaveCount(0);
  });
});
