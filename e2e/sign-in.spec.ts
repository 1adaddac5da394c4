import { expect, test } from '@playwright/test';
import { failedSignIn, signIn } from './fixtures/auth';
import { USERS } from './fixtures/env';

test('a wrong password shows a clear message that does not reveal whether the account exists', async ({ page }) => {
  const known = await failedSignIn(page, USERS.analyst.email, 'not-the-password-at-all');
  expect(known).toBe('The email or password is not correct.');
  const unknown = await failedSignIn(page, 'nobody-here@e2e.test', 'not-the-password-at-all');
  expect(unknown).toBe(known);
});

test('after five failures the sixth attempt is throttled, even with the right password', async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    expect(await failedSignIn(page, USERS.throttled.email, `wrong-password-${i}`)).toBe('The email or password is not correct.');
  }
  const sixth = await failedSignIn(page, USERS.throttled.email, USERS.throttled.password);
  expect(sixth).toMatch(/Too many failed sign-in attempts/);
  // Another account is not affected.
  await signIn(page, USERS.analyst.email, USERS.analyst.password);
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, USERS.analyst.email, USERS.analyst.password);
  const cookies = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The old cookie, replayed, no longer works: the session ended on the server too.
  await page.context().addCookies(cookies);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
