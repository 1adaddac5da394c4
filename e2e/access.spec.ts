import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

test.describe('an anonymous visitor', () => {
  test('is sent to /login from every page', async ({ page }) => {
    for (const path of ['/', '/layers', '/admin/users', '/account/tokens']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    }
  });

  test('gets 401 from the API and 200 from the health check', async ({ request }) => {
    const layers = await request.get('/api/v1/layers');
    expect(layers.status()).toBe(401);
    expect((await layers.json()).error.message).toMatch(/Sign in/);
    const forged = await request.get('/api/v1/layers', { headers: { Authorization: 'Bearer slk_not-a-real-token' } });
    expect(forged.status()).toBe(401);
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ db: 'ok' });
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('sees no Admin navigation and gets the 403 page for admin pages', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Firm' })).toHaveCount(0);
    for (const path of ['/admin/users', '/admin/firm', '/admin/audit']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: '403 — Not allowed' })).toBeVisible();
    }
  });

  test('reads the layers through the API with the session cookie', async ({ page }) => {
    const response = await page.request.get('/api/v1/layers');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.layers.map((l: { key: string }) => l.key)).toEqual([
      'infrastructure',
      'chips',
      'data',
      'models',
      'execution',
      'application',
    ]);
  });
});

test.describe('an admin action posted directly', () => {
  test('is refused for a viewer and changes nothing', async ({ browser }) => {
    // Capture a genuine "create user" server-action request made by an admin…
    const adminContext = await browser.newContext({ storageState: storageStateFor('admin') });
    const admin = await adminContext.newPage();
    await admin.goto('/admin/users');
    const form = admin.getByRole('form', { name: 'Create a user' });
    await form.getByLabel('Email').fill('made-by-admin@e2e.test');
    await form.getByLabel('Name').fill('Made by admin');
    const [request] = await Promise.all([
      admin.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
      form.getByRole('button', { name: 'Create user' }).click(),
    ]);
    await expect(form.getByRole('status')).toContainText('Created made-by-admin@e2e.test');
    const headers = request.headers();
    const body = (request.postData() ?? '').replace('made-by-admin@e2e.test', 'forged-by-viewer@e2e.test');
    expect(body).toContain('forged-by-viewer@e2e.test');

    // …and replay it, with another email, from a viewer's session.
    const viewerContext = await browser.newContext({ storageState: storageStateFor('viewer') });
    const replay = await viewerContext.request.post('/admin/users', {
      headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type']!, accept: 'text/x-component' },
      data: body,
    });
    expect(await replay.text()).toContain('This needs the admin role');

    await admin.goto('/admin/users');
    await expect(admin.getByTestId('user-made-by-admin@e2e.test')).toBeVisible();
    await expect(admin.getByTestId('user-forged-by-viewer@e2e.test')).toHaveCount(0);
    await adminContext.close();
    await viewerContext.close();
  });
});

test.describe('analyst-only pages', () => {
  test('answer a viewer with a real 403 status and an analyst with 200', async ({ browser }) => {
    const analystContext = await browser.newContext({ storageState: storageStateFor('analyst') });
    const viewerContext = await browser.newContext({ storageState: storageStateFor('viewer') });
    const created = await analystContext.request.post('/api/v1/companies', {
      data: { name: 'Forbidden Status Co', exposures: [{ layer: 'chips', share: '1' }] },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const path of ['/companies/new', `/companies/${id}/edit`]) {
      expect((await viewerContext.request.get(path)).status(), path).toBe(403);
      expect((await analystContext.request.get(path)).status(), path).toBe(200);
    }
    const viewer = await viewerContext.newPage();
    await viewer.goto('/companies/new');
    await expect(viewer.getByRole('heading', { name: '403 — Not allowed' })).toBeVisible();
    await analystContext.close();
    await viewerContext.close();
  });
});
