import { expect, test } from '@playwright/test';
import { signIn } from './fixtures/auth';
import { storageStateFor } from './fixtures/env';
import { createUserAsAdmin } from './fixtures/users';

test('changing your own password keeps this session and ends your others', async ({ browser }) => {
  const adminContext = await browser.newContext({ storageState: storageStateFor('admin') });
  const initial = await createUserAsAdmin(await adminContext.newPage(), {
    email: 'changer@e2e.test',
    name: 'Changer',
    role: 'viewer',
  });
  await adminContext.close();

  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signIn(first, 'changer@e2e.test', initial);
  await signIn(second, 'changer@e2e.test', initial);

  await first.goto('/account');
  const form = first.getByRole('form', { name: 'Change your password' });
  await form.getByLabel('Current password').fill(initial);
  await form.getByLabel('New password', { exact: true }).fill('password1234');
  await form.getByLabel('New password again').fill('password1234');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText(/common passwords/).first()).toBeVisible();

  await form.getByLabel('Current password').fill(initial);
  await form.getByLabel('New password', { exact: true }).fill('a-Fresh-and-long-passphrase-8');
  await form.getByLabel('New password again').fill('a-Fresh-and-long-passphrase-8');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(first.getByRole('status')).toContainText('Password changed');

  await first.goto('/layers');
  await expect(first.getByRole('heading', { name: 'The six layers' })).toBeVisible();
  await second.goto('/layers');
  await expect(second).toHaveURL(/\/login$/);
});
