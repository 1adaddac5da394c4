import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from './fixtures/auth';
import { E2E_DEMO_DIR } from './fixtures/env';
import { createUserAsAdmin } from './fixtures/users';

/** The demo admin's password, as the first start wrote it into the data folder (docs/data-contract.md §8). */
function demoAdmin(): { email: string; password: string } {
  const text = readFileSync(path.join(E2E_DEMO_DIR, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

/** CoreWeave's page, from the companies list, on the flows section's year. */
async function openCoreWeave(page: Page, year: number): Promise<ReturnType<Page['locator']>> {
  await page.goto('/companies?q=CoreWeave');
  await page.getByRole('link', { name: 'CoreWeave', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^CoreWeave/, level: 1 })).toBeVisible();
  const section = page.locator('#customers-and-suppliers');
  await section.getByLabel('Year', { exact: true }).selectOption(String(year));
  await section.getByRole('button', { name: 'Show' }).click();
  await expect(section).toContainText(`calendar year ${year}`);
  return section;
}

/** Clicks until `then` shows: a click that lands before the page has hydrated does nothing. */
async function clickUntil(button: Locator, then: Locator): Promise<void> {
  await expect(async () => {
    await button.click();
    await expect(then).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test('CoreWeave’s page shows Microsoft’s share of its 2024 revenue', async ({ page }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  const section = await openCoreWeave(page, 2024);
  const customers = section.getByRole('table', { name: 'Customers of CoreWeave, 2024' });
  const microsoft = customers.getByRole('row').filter({ hasText: 'Microsoft' });
  // 1,190.4 of CoreWeave's calendar 2024 revenue in the demo: 62.2%.
  await expect(microsoft).toContainText("62.2% of CoreWeave's 2024 revenue");
  await expect(microsoft).toContainText('$1.2B');
  await expect(customers.getByRole('row').filter({ hasText: 'NVIDIA' })).toContainText('estimate');
});

test('an admin adds a supplier by picking it as they type, edits it, sees a bad value refused, and deletes it', async ({
  page,
}) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  const section = await openCoreWeave(page, 2022);
  const editor = section.getByRole('form', { name: 'New supplier flow' });
  await clickUntil(section.getByRole('button', { name: 'Add a supplier' }), editor);
  const picker = editor.getByRole('combobox', { name: 'Supplier (payee)' });
  await picker.fill('nvid');
  const suggestions = editor.getByRole('listbox', { name: 'Supplier (payee) suggestions' });
  await expect(suggestions.getByRole('option', { name: /NVIDIA/ })).toBeVisible();
  await picker.press('Enter');
  await expect(picker).toHaveValue('NVIDIA');
  // Each layer picker offers only that company's layers.
  await expect(editor.getByLabel('Payee layer').locator('option')).toHaveText(['Choose…', 'Chips', 'Execution']);
  await editor.getByLabel('Payee layer').selectOption('chips');
  await editor.getByLabel("CoreWeave's layer (payer)").selectOption('infrastructure');
  await expect(editor.getByLabel('Currency')).toHaveValue('USD');
  await editor.getByLabel('Source').fill('e2e: GPU purchase');
  await editor.getByLabel('Value (millions, 2022)').fill('123.4');
  await editor.getByLabel('Value (millions, 2022)').press('Enter');
  const suppliers = section.getByRole('table', { name: 'Suppliers of CoreWeave, 2022' });
  const row = suppliers.getByRole('row').filter({ hasText: 'NVIDIA' });
  await expect(row).toContainText('$123.4M');
  await expect(row).toContainText('Infrastructure → Chips');
  await expect(section.getByRole('status').filter({ hasText: 'Saved CoreWeave → NVIDIA' })).toBeVisible();

  // The dashboard's Sankey follows: 2022 had no flows, and now draws this one, infrastructure → chips.
  await page.goto('/?year=2022');
  await expect(page.locator('#flows-empty')).toHaveCount(0);
  await expect(page.locator('#flows-sankey .sankey-links path').first()).toBeAttached({ timeout: 30_000 });
  const matrix = await (await page.request.get('/api/v1/analytics/flows?year=2022')).json();
  expect(matrix.matrix).toEqual([{ from: 'infrastructure', to: 'chips', value: 123.4, flows: 1 }]);
  await openCoreWeave(page, 2022);

  // Edit inline: a negative value is refused next to the field, Escape cancels, Enter saves.
  const edit = section.getByRole('form', { name: 'Edit flow with NVIDIA' });
  await clickUntil(row.getByRole('button', { name: 'Edit' }), edit);
  const value = edit.getByLabel('Value (millions, 2022)');
  await value.fill('-5');
  await value.press('Enter');
  await expect(edit.locator('.field-error')).toContainText('A flow cannot be negative.');
  await value.press('Escape');
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText('$123.4M');
  await row.getByRole('button', { name: 'Edit' }).click();
  await edit.getByLabel('Value (millions, 2022)').fill('130');
  await edit.getByLabel('Value (millions, 2022)').press('Enter');
  await expect(row).toContainText('$130.0M');

  // Delete, with a confirmation.
  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('button', { name: "Delete NVIDIA's flow" }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Deleted CoreWeave → NVIDIA' })).toBeVisible();
  await expect(section.getByText('No supplier flows of CoreWeave for 2022.')).toBeVisible();
});

test('a save that lost a race shows the stored flow and keeps it when asked', async ({ page }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  const section = await openCoreWeave(page, 2024);
  const row = section.getByRole('table', { name: 'Customers of CoreWeave, 2024' }).getByRole('row').filter({ hasText: 'NVIDIA' });
  const edit = section.getByRole('form', { name: 'Edit flow with NVIDIA' });
  await clickUntil(row.getByRole('button', { name: 'Edit' }), edit);
  // Meanwhile someone else changes the flow through the API.
  const company = (await (await page.request.get('/api/v1/companies?q=CoreWeave')).json()) as { items: { id: string }[] };
  const flows = (await (await page.request.get(`/api/v1/flows?company=${company.items[0]!.id}&year=2024`)).json()) as {
    items: Record<string, unknown>[];
  };
  const stored = flows.items.find((f) => f.payerName === 'NVIDIA')!;
  const put = await page.request.put('/api/v1/flows', { data: { flows: [{ ...stored, value: '300' }] } });
  expect(put.status()).toBe(200);
  await edit.getByLabel('Value (millions, 2024)').fill('290');
  await edit.getByLabel('Value (millions, 2024)').press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Changed by someone else' });
  await expect(dialog.getByRole('region', { name: 'Their flow' })).toContainText('300 USDm');
  await expect(dialog.getByRole('region', { name: 'Your flow' })).toContainText('290 USDm');
  await dialog.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(row).toContainText('$300.0M');
  // Put the demo's value back for the tests after this one.
  const restored = await page.request.put('/api/v1/flows', {
    data: { flows: [{ ...stored, value: stored.value, version: (stored.version as number) + 1 }] },
  });
  expect(restored.status()).toBe(200);
});

test('a viewer reads the customers and suppliers without any control to change them', async ({ page, browser }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  const viewerEmail = `flows-viewer-${Date.now()}@demo.test`;
  const viewerPassword = await createUserAsAdmin(page, { email: viewerEmail, name: 'Flows viewer', role: 'viewer' });
  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, viewerEmail, viewerPassword);
  const section = await openCoreWeave(viewer, 2024);
  await expect(section.getByRole('row').filter({ hasText: 'Microsoft' })).toContainText("62.2% of CoreWeave's 2024 revenue");
  await expect(section).toContainText('Viewers read flows here');
  await expect(section.getByRole('button', { name: /Add|Edit|Delete/ })).toHaveCount(0);
  await expect(section.getByRole('columnheader', { name: 'Actions' })).toHaveCount(0);
  await context.close();
});

test('the chips layer page lists who pays chips and whom chips pays', async ({ page }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  await page.goto('/layers/chips?year=2024');
  const section = page.getByRole('region', { name: 'Chips customers and suppliers, 2024' });
  await expect(section.getByRole('table', { name: 'Customers of Chips by layer' })).toContainText('Execution');
  await expect(section.getByRole('table', { name: 'Top payers of Chips' }).getByRole('row').nth(1)).toContainText('Microsoft');
  await expect(section.getByRole('table', { name: 'Top payees of Chips' })).toContainText('SK hynix');
  await expect(section).toContainText('no TWD rate for 2024');
});
