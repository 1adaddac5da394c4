import { test as setup } from '@playwright/test';
import { signIn } from './fixtures/auth';
import { USERS, storageStateFor, type RoleName } from './fixtures/env';

for (const role of ['admin', 'analyst', 'viewer'] as RoleName[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, USERS[role].email, USERS[role].password);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
