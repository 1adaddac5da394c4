import { expect, test, type Page } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.use({ storageState: storageStateFor('analyst') });

const unique = () => Math.random().toString(36).slice(2, 8);

async function openViews(page: Page) {
  await page.getByRole('button', { name: 'Views…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved views' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('an analyst saves a shared view; a viewer opens it and gets the same filters but cannot change it', async ({
  page,
  browser,
}) => {
  const name = `Capex 2023 ${unique()}`;
  await page.goto('/?year=2023&metric=capex&g=0.4');
  let dialog = await openViews(page);
  await dialog.getByLabel('Save the dashboard as it is now').fill(name);
  await dialog.getByLabel('Share with the team').check();
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog.getByText(`Saved “${name}”.`)).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: name })).toContainText('Shared');

  const viewerContext = await browser.newContext({ storageState: storageStateFor('viewer') });
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto('/');
  dialog = await openViews(viewerPage);
  const row = dialog.getByRole('listitem').filter({ hasText: name });
  await expect(row.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await row.getByRole('button', { name }).click();
  await expect(dialog).toBeHidden();
  await expect(viewerPage).toHaveURL(/\?year=2023&metric=capex&g=0\.4$/);
  await expect(viewerPage.getByLabel('Metric')).toHaveValue('capex');

  // The API refuses the viewer's change of someone else's view, and names a bad field.
  const [view] = (await (await viewerPage.request.get('/api/v1/views')).json()).items.filter(
    (v: { name: string }) => v.name === name,
  );
  const patch = await viewerPage.request.patch(`/api/v1/views/${view.id}`, { data: { version: view.version, name: 'Mine now' } });
  expect(patch.status()).toBe(403);
  const tooLong = await viewerPage.request.post('/api/v1/views', { data: { name: 'x'.repeat(201) } });
  expect(tooLong.status()).toBe(422);
  expect((await tooLong.json()).error.issues[0].path).toEqual(['name']);
  await viewerContext.close();

  // The owner renames it, then deletes it after confirming.
  await page.reload();
  dialog = await openViews(page);
  const own = dialog.getByRole('listitem').filter({ hasText: name });
  await own.getByRole('button', { name: 'Rename' }).click();
  // The row's name becomes a field (its text is no longer the name): find the field by its label.
  const newName = dialog.getByLabel(`New name for ${name}`);
  await newName.fill(`${name} (renamed)`);
  await newName.press('Enter');
  const renamed = dialog.getByRole('listitem').filter({ hasText: `${name} (renamed)` });
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await renamed.getByRole('button', { name: `Delete “${name} (renamed)”` }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);
});

test('a viewer saves a view of their own, which no one else sees, and a second one of the same name is refused', async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: storageStateFor('viewer') });
  const page = await context.newPage();
  const name = `Mine ${unique()}`;
  await page.goto('/?basis=fiscal');
  const dialog = await openViews(page);
  const field = dialog.getByLabel('Save the dashboard as it is now');
  await field.fill(name);
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: name })).toContainText('Only you');
  await field.fill(name.toUpperCase());
  await dialog.getByRole('button', { name: 'Save view' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(`You already have a view named “${name.toUpperCase()}”.`);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await context.close();

  const analyst = await browser.newContext({ storageState: storageStateFor('analyst') });
  const names = (await (await (await analyst.newPage()).request.get('/api/v1/views')).json()).items.map(
    (v: { name: string }) => v.name,
  );
  expect(names).not.toContain(name);
  await analyst.close();
});
