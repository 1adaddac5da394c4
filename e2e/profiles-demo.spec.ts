import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './fixtures/auth';
import { E2E_DEMO_DIR } from './fixtures/env';

/** The demo admin's password, as the first start wrote it into the data folder (docs/data-contract.md §8). */
function demoAdmin(): { email: string; password: string } {
  const text = readFileSync(path.join(E2E_DEMO_DIR, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

interface LayersAnswer {
  total: number;
  layers: { key: string; value: number; top: { name: string; value: number }[] }[];
}

async function capexLayers(
  api: APIRequestContext,
  basis: 'calendar' | 'fiscal',
): Promise<Map<string, LayersAnswer['layers'][number]>> {
  const response = await api.get(`/api/v1/analytics/layers?year=2024&metric=capex&basis=${basis}`);
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as LayersAnswer;
  return new Map(answer.layers.map((l) => [l.key, l]));
}

/** The layer-pools chart's numbers, as its View data table reads them. */
async function poolTable(page: Page): Promise<string> {
  const chart = page.locator('#layer-pools');
  await chart.getByText('View data').click();
  const text = await chart.getByRole('table').innerText();
  await chart.getByText('View data').click();
  return text;
}

/** The dashboard on 2024 capex by fiscal year: Salesforce's FY2024 capex has no calendar gap. */
const CAPEX_VIEW = '/?year=2024&metric=capex&basis=fiscal';

test.describe.configure({ mode: 'serial' });

test('the demo’s 2024 capex sits mostly in Infrastructure and Chips, not Application', async ({ page }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  const layers = await capexLayers(page.request, 'calendar');
  const value = (key: string) => layers.get(key)!.value;
  const total = [...layers.values()].reduce((sum, l) => sum + l.value, 0);
  expect(value('infrastructure') + value('chips')).toBeGreaterThan(0.5 * total);
  expect(value('application')).toBeLessThan(value('infrastructure'));
});

test('an analyst adds a capex profile in the company form and the capex chart moves', async ({ page }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  const before = await capexLayers(page.request, 'fiscal');
  const salesforceIn = (layers: Map<string, LayersAnswer['layers'][number]>, key: string) =>
    layers.get(key)!.top.find((c) => c.name === 'Salesforce')?.value ?? 0;
  expect(salesforceIn(before, 'application')).toBeGreaterThan(0);
  expect(salesforceIn(before, 'infrastructure')).toBe(0);
  await page.goto(CAPEX_VIEW);
  await expect.poll(() => poolTable(page)).toMatch(/Application\tSalesforce\t/);

  await page.goto('/companies');
  await page.getByRole('link', { name: 'Salesforce' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  const profiles = page.getByRole('group', { name: 'Add a profile' });
  await profiles.getByLabel('Scope').selectOption('capex');
  await profiles.getByRole('button', { name: 'Add a profile' }).click();
  // The new profile starts from the base's shares and is the one being edited.
  await expect(page.getByRole('button', { name: 'Edit Capex from the beginning' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Exposure: Capex from the beginning')).toBeVisible();
  await page.getByRole('button', { name: 'All in 1 Infrastructure' }).click();
  await expect(page.getByText(/Total 100% ✓/)).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('table', { name: 'Exposure profiles' })).toContainText('Capex from the beginning');

  const after = await capexLayers(page.request, 'fiscal');
  expect(salesforceIn(after, 'application')).toBe(0);
  // Infrastructure's top five are the clouds; its layer page lists every company.
  const infrastructure = await page.request.get('/api/v1/analytics/layers/infrastructure?year=2024&metric=capex&basis=fiscal');
  const { companies } = (await infrastructure.json()) as { companies: { name: string; value: number }[] };
  expect(companies.find((c) => c.name === 'Salesforce')?.value).toBeCloseTo(salesforceIn(before, 'application') / 0.85, 6);

  // The chart: Salesforce has left the Application bar.
  await page.goto(CAPEX_VIEW);
  await expect.poll(() => poolTable(page)).not.toMatch(/Application\tSalesforce\t/);
});

test('a viewer sees the profiles but cannot change them', async ({ page, browser }) => {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Create a user' });
  const viewerEmail = `viewer-${Date.now()}@demo.test`;
  await form.getByLabel('Email').fill(viewerEmail);
  await form.getByLabel('Name').fill('Demo viewer');
  await form.getByLabel('Role').selectOption('viewer');
  await form.getByRole('button', { name: 'Create user' }).click();
  const viewerPassword = (await form.getByTestId('secret').textContent())!.trim();

  const context = await browser.newContext();
  const viewer = await context.newPage();
  await signIn(viewer, viewerEmail, viewerPassword);
  await viewer.goto('/companies');
  await viewer.getByRole('link', { name: 'NVIDIA' }).click();
  const table = viewer.getByRole('table', { name: 'Exposure profiles' });
  await expect(table).toContainText('All metrics from 2025');
  await expect(viewer.getByRole('link', { name: 'Edit' })).toHaveCount(0);

  const id = viewer.url().split('/').pop()!;
  const company = await (await viewer.request.get(`/api/v1/companies/${id}`)).json();
  const patch = await viewer.request.patch(`/api/v1/companies/${id}`, {
    data: { version: company.version, profiles: [] },
  });
  expect(patch.status()).toBe(403);
  await viewer.goto(`/companies/${id}/edit`);
  await expect(viewer.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await context.close();
});
