import { expect, test } from '@playwright/test';
import { failedSignIn, signIn } from './fixtures/auth';
import { failOnCspViolations } from './fixtures/csp';
import { E2E_BASE_URL, USERS, storageStateFor } from './fixtures/env';

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

test.describe('a signed-in user sent to /login with a callback', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('is redirected only to a path on this site, never to another origin and never with a 500', async ({ request }) => {
    const cases: Array<[callback: string, expected: string]> = [
      ['%2F%09%2Fevil.example%2Fphish', '/'],
      ['%2F%0A%2Fevil.example%2Fphish', '/'],
      ['%2F%0D%2Fevil.example%2Fphish', '/'],
      ['%2F%5Cevil.example', '/'],
      ['%2Flay%0Aers', '/layers'],
      ['%2Fcompanies%3Fq%3Dai', '/companies?q=ai'],
    ];
    for (const [callback, expected] of cases) {
      const response = await request.get(`/login?callbackUrl=${callback}`, { maxRedirects: 0 });
      expect(response.status(), callback).toBe(307);
      const location = response.headers()['location']!;
      // Resolved as a browser resolves it (tab, CR and LF dropped), it stays on this site.
      const target = new URL(location.replace(/[\t\n\r]/g, ''), E2E_BASE_URL);
      expect(target.origin, callback).toBe(E2E_BASE_URL);
      expect(target.pathname + target.search, callback).toBe(expected);
    }
  });
});

test.describe('the sign-in page', () => {
  failOnCspViolations();

  test('signs in under the content security policy', async ({ page }) => {
    await signIn(page, USERS.viewer.email, USERS.viewer.password);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });
});
