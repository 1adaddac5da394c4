import { expect, test } from '@playwright/test';
import { E2E_BASE_URL, storageStateFor } from './fixtures/env';

const COMPANIES = `name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description
Analytics Chips Co,,US,public,12,Analytics E2E,,1,,,,,,USD,,
Analytics Apps Co,,US,public,12,Analytics E2E,,,,,,0.8,0.2,USD,,`;
const FIGURES = `company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note
Analytics Chips Co,2024,,revenue,,300,,,
Analytics Apps Co,2024,,revenue,,500,,,`;

test.describe('the analytics API (docs/data-contract.md §7)', () => {
  test.use({ storageState: storageStateFor('analyst') });

  test('answers a viewer’s token with the documented shapes, and 401 without one', async ({ page, request, playwright }) => {
    for (const [kind, body] of [
      ['companies', COMPANIES],
      ['figures', FIGURES],
    ])
      expect(
        (await request.post(`/api/v1/import/${kind}`, { data: body, headers: { 'Content-Type': 'text/csv' } })).status(),
      ).toBe(200);

    // The viewer makes a token in their own session and reads with it alone.
    const viewer = await page
      .context()
      .browser()!
      .newContext({ storageState: storageStateFor('viewer') });
    const viewerPage = await viewer.newPage();
    await viewerPage.goto('/account/tokens');
    await viewerPage.getByLabel('Token name').fill('Analytics notebook');
    await viewerPage.getByRole('button', { name: 'Create token' }).click();
    const token = ((await viewerPage.getByTestId('secret').textContent()) ?? '').trim();
    await viewer.close();
    const api = await playwright.request.newContext({
      baseURL: E2E_BASE_URL,
      extraHTTPHeaders: { Authorization: `Bearer ${token}` },
    });

    const layers = await api.get('/api/v1/analytics/layers?year=2024&metric=revenue&list=analytics%20e2e');
    expect(layers.status()).toBe(200);
    const body = await layers.json();
    // Chips 300; application 0.8 × 500 = 400; the outside 20% goes nowhere.
    expect(body).toMatchObject({
      year: 2024,
      metric: 'revenue',
      basis: 'calendar',
      currency: 'USD',
      total: 700,
      estimated: false,
    });
    // The time of the data it comes from: the last import above, or later.
    expect(Date.parse(body.asOf)).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(body.layers.map((l: { key: string; value: number }) => [l.key, l.value])).toEqual([
      ['infrastructure', 0],
      ['chips', 300],
      ['data', 0],
      ['models', 0],
      ['execution', 0],
      ['application', 400],
    ]);
    expect(Object.keys(body.layers[1]).sort()).toEqual(
      ['key', 'name', 'value', 'share', 'hhi', 'cr3', 'effectiveCompanies', 'companies', 'missing', 'top', 'others'].sort(),
    );
    expect(body.coverage).toEqual({ included: 2, missing: [], missingCount: 0 });

    const series = await (await api.get('/api/v1/analytics/series?from=2023&to=2024&list=Analytics E2E')).json();
    expect(series.years.map((y: { year: number; total: number }) => [y.year, y.total])).toEqual([
      [2023, 0],
      [2024, 700],
    ]);
    const profitability = await api.get('/api/v1/analytics/profitability?year=2024&list=Analytics E2E');
    expect((await profitability.json()).layers).toHaveLength(6);
    const gap = await (await api.get('/api/v1/analytics/gap?year=2024&list=Analytics E2E')).json();
    expect(gap).toMatchObject({ g: 0.5, m: 0.5, year: 2024, chips: 300, required: 1200, application: 400, gap: 800 });

    const unknown = await api.get('/api/v1/analytics/layers?year=2024&list=No such list');
    expect(unknown.status()).toBe(422);
    expect((await unknown.json()).error.message).toBe('No list named “No such list”.');
    const bad = await api.get('/api/v1/analytics/layers?year=2024&metric=profit');
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.issues[0].path).toEqual(['metric']);

    // No cookie either: the test's own storage state must not ride along.
    const anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get('/api/v1/analytics/layers?year=2024')).status()).toBe(401);
    await api.dispose();
    await anonymous.dispose();
  });
});
