import { expect, test } from '@playwright/test';
import { failOnCspViolations } from './fixtures/csp';
import { storageStateFor } from './fixtures/env';

/** The nonce a Content-Security-Policy allows scripts by. */
function scriptNonce(csp: string | undefined): string {
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp ?? '')?.[1];
  expect(nonce, `no script nonce in ${csp}`).toBeTruthy();
  return nonce!;
}

test.describe('security headers', () => {
  test('a page has a CSP with a fresh script nonce per request, which its scripts carry', async ({ request }) => {
    const first = await request.get('/login');
    const second = await request.get('/login');
    const nonce = scriptNonce(first.headers()['content-security-policy']);
    expect(scriptNonce(second.headers()['content-security-policy'])).not.toBe(nonce);
    const csp = first.headers()['content-security-policy']!;
    for (const directive of [
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "connect-src 'self'",
    ])
      expect(csp).toContain(directive);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test('pages and the API deny device features, framing and sniffing; no HSTS on an http site', async ({ request }) => {
    for (const path of ['/login', '/api/health', '/api/v1/layers']) {
      const headers = (await request.get(path)).headers();
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['permissions-policy']).toContain('clipboard-write=(self)');
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['content-security-policy']).toContain("default-src 'self'");
      // The test server's NEXTAUTH_URL is http://localhost: HSTS there would lock the browser out.
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });
});

test.describe('the content security policy in use', () => {
  test.use({ storageState: storageStateFor('viewer') });
  failOnCspViolations();

  test('the dashboard hydrates and navigates with no violation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    // A client-side navigation works only once React has hydrated, i.e. its scripts ran under the policy.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Layers' }).click();
    await expect(page).toHaveURL(/\/layers$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
