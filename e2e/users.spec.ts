import { expect, test } from '@playwright/test';
import { signIn } from './fixtures/auth';
import { storageStateFor } from './fixtures/env';
import { createUserAsAdmin } from './fixtures/users';
import { createCompanyInUi } from './fixtures/companies';
import { readFile } from 'node:fs/promises';

test.use({ storageState: storageStateFor('admin') });

test('an admin creates a user who can then sign in with the role given', async ({ page, browser }) => {
  const password = await createUserAsAdmin(page, { email: 'new.analyst@e2e.test', name: 'New Analyst', role: 'analyst' });
  await expect(page.getByTestId('user-new.analyst@e2e.test')).toContainText('New Analyst');

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } }); // signed out
  const newcomer = await context.newPage();
  await signIn(newcomer, 'new.analyst@e2e.test', password);
  await expect(newcomer.getByText('analyst', { exact: true })).toBeVisible();
  await context.close();
});

test('a duplicate email is named', async ({ page }) => {
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Create a user' });
  await form.getByLabel('Email').fill('VIEWER@e2e.test');
  await form.getByLabel('Name').fill('Someone');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('A user with the email viewer@e2e.test already exists.').first()).toBeVisible();
});

test('disabling a signed-in user ends their session on their next request', async ({ page, browser }) => {
  const password = await createUserAsAdmin(page, { email: 'to.disable@e2e.test', name: 'To Disable', role: 'viewer' });
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } }); // signed out
  const victim = await context.newPage();
  await signIn(victim, 'to.disable@e2e.test', password);

  await page.goto('/admin/users');
  const row = page.getByTestId('user-to.disable@e2e.test');
  await row.getByRole('button', { name: 'Disable' }).click();
  await row.getByRole('button', { name: 'Disable to.disable@e2e.test' }).click();
  await expect(row.getByText('disabled', { exact: true })).toBeVisible();

  await victim.goto('/layers');
  await expect(victim).toHaveURL(/\/login$/);
  expect((await victim.request.get('/api/v1/layers')).status()).toBe(401);
  await context.close();
});

test('the last enabled admin cannot be demoted', async ({ page }) => {
  await page.goto('/admin/users');
  const row = page.getByTestId('user-admin@e2e.test');
  await row.getByLabel('Role of admin@e2e.test').selectOption('viewer');
  await row.getByRole('button', { name: 'Save role' }).click();
  await expect(row.getByRole('status')).toContainText('last enabled admin');
});

test('the audit log records sign-ins and user changes and filters by entity', async ({ page }) => {
  await page.goto('/admin/audit?entity=user');
  await expect(page.getByRole('cell', { name: 'user.create' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'login.succeeded' })).toHaveCount(0);
  await page.goto('/admin/audit?entity=session');
  await expect(page.getByRole('cell', { name: 'login.succeeded' }).first()).toBeVisible();
});

test('the audit log names what changed and shows it before → after, and exports the filtered log', async ({ page }, testInfo) => {
  await createCompanyInUi(page, 'Audit Trail Foundry', { chips: '100' });
  await page.goto(`${page.url()}/edit`);
  await page.getByLabel('Ticker').fill('ATF');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Audit Trail Foundry/ })).toBeVisible();

  await page.goto('/admin/audit?entity=company');
  const row = page.getByRole('row').filter({ hasText: 'company.update' }).filter({ hasText: 'Audit Trail Foundry' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('listitem').filter({ hasText: 'ticker:' })).toHaveText('ticker: ATF');
  await expect(row.locator('ins')).toHaveText('ATF');
  // Compact: no raw JSON, and fifty events fit in a page a reader can scroll.
  await expect(page.locator('pre')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('audit-log.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('at,actor,action,entity_type,entity_id,subject,changes,before,after,ip');
  expect(csv).toContain('ticker: (none) → ATF');
  expect(csv).not.toContain('user.create'); // the filter applies to the file
});
