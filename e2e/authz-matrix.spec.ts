import { expect, test, type APIResponse, type PlaywrightWorkerArgs } from '@playwright/test';
import {
  API_MATRIX,
  CREDENTIALS,
  PAGE_MATRIX,
  PROBED_OVER_HTTP,
  allowed,
  expectedGate,
  gateOf,
  urlOf,
  type Credential,
  type HttpMethod,
  type LeastRole,
} from '../lib/testing/authz-matrix';
import { E2E_BASE_URL, storageStateFor } from './fixtures/env';

/**
 * Every page of the authorisation matrix (lib/testing/authz-matrix.ts), opened as each credential: an anonymous
 * visitor is sent to /login, a role below the page's least role gets the 403 page, the rest get the page. The route
 * handlers are called directly in lib/api/authz-matrix.test.ts; only those that need a running server are here.
 */

// Real values for the dynamic segments: a company and a snapshot created through the API (below), a layer key.
const segments = { id: '', key: 'chips', snapshotId: '' };

test.beforeAll(async ({ playwright }) => {
  const analyst = await playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: storageStateFor('analyst') });
  const created = await analyst.post('/api/v1/companies', { data: { name: `Matrix Co ${Date.now()}` } });
  expect(created.status()).toBe(201);
  segments.id = (await created.json()).id;
  const frozen = await analyst.post('/api/v1/snapshots', { data: { name: `Matrix snapshot ${Date.now()}` } });
  expect(frozen.status()).toBe(201);
  segments.snapshotId = (await frozen.json()).id;
  await analyst.dispose();
});

/** A request context holding the credential's session, or none. */
const contextFor = (playwright: PlaywrightWorkerArgs['playwright'], credential: Credential) =>
  playwright.request.newContext({
    baseURL: E2E_BASE_URL,
    ...(credential === 'anonymous' ? {} : { storageState: storageStateFor(credential) }),
  });

/** What a response did, in the words of the expectations: a status, or where it redirected to. */
function outcome(response: APIResponse): string {
  const location = response.headers()['location'];
  if (response.status() >= 300 && response.status() < 400 && location)
    return `redirect to ${new URL(location, E2E_BASE_URL).pathname}`;
  return String(response.status());
}

const LOGIN = 'app/(auth)/login/page.tsx';

function expectedPage(file: string, least: LeastRole, credential: Credential): string {
  // The sign-in page sends a signed-in user on into the app.
  if (file === LOGIN && credential !== 'anonymous') return 'redirect to /';
  if (allowed(least, credential)) return '200';
  return credential === 'anonymous' ? 'redirect to /login' : '403';
}

for (const [file, least] of Object.entries(PAGE_MATRIX)) {
  for (const credential of CREDENTIALS) {
    const expected = expectedPage(file, least, credential);
    test(`page ${urlOf(file)} as ${credential}: ${expected}`, async ({ playwright }) => {
      const context = await contextFor(playwright, credential);
      const url = urlOf(file, segments);
      const got = outcome(await context.get(url, { maxRedirects: 0 }));
      await context.dispose();
      expect(got, `page ${url} as ${credential}: expected ${expected}, got ${got}`).toBe(expected);
    });
  }
}

/** Which next-auth action each method is probed with: both read, neither signs anyone in or out. */
const HTTP_SEGMENTS: Partial<Record<HttpMethod, Record<string, string>>> = {
  GET: { nextauth: 'providers' },
  POST: { nextauth: 'session' },
};

for (const file of PROBED_OVER_HTTP) {
  for (const [method, least] of Object.entries(API_MATRIX[file] ?? {}) as [HttpMethod, LeastRole][]) {
    for (const credential of CREDENTIALS) {
      const expected = expectedGate(least, credential);
      test(`${method} ${urlOf(file)} as ${credential}: ${expected}`, async ({ playwright }) => {
        const context = await contextFor(playwright, credential);
        const url = urlOf(file, HTTP_SEGMENTS[method]);
        const status = (await context.fetch(url, { method, maxRedirects: 0 })).status();
        await context.dispose();
        const got = gateOf(status);
        expect(got, `${method} ${url} as ${credential}: expected ${expected}, got ${status}`).toBe(expected);
      });
    }
  }
}
