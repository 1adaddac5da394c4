import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';
import { createCompanyInUi, layerCount, untilHydrated } from './fixtures/companies';

test.describe('an analyst', () => {
  test.use({ storageState: storageStateFor('analyst') });

  test('creates a company split 60/40 across two layers and finds it under both layer filters', async ({ page }) => {
    const chipsBefore = await layerCount(page, 'chips');
    await page.goto('/companies/new');
    await untilHydrated(async () => {
      await page.getByLabel('Name').fill('Sixty Forty Semis');
      await page.locator('#pct-chips').fill('60');
      await page.locator('#pct-models').fill('30');
      await expect(page.getByText('Total 90%: must be exactly 100% before saving')).toBeVisible({ timeout: 2_000 });
    });
    await expect(page.getByRole('button', { name: 'Create company' })).toBeDisabled();
    await page.locator('#pct-models').fill('40');
    await page.getByRole('checkbox', { name: 'Portfolio' }).check();
    await page.getByRole('button', { name: 'Create company' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Sixty Forty Semis/ })).toBeVisible();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();

    for (const layer of ['chips', 'models']) {
      await page.goto(`/companies?layer=${layer}`);
      await expect(page.getByTestId('company-Sixty Forty Semis')).toBeVisible();
    }
    await page.goto('/companies?layer=models&layerMode=primary');
    await expect(page.getByTestId('company-Sixty Forty Semis')).toHaveCount(0);
    await page.goto('/companies?list=Portfolio');
    await expect(page.getByTestId('company-Sixty Forty Semis')).toBeVisible();
    expect(await layerCount(page, 'chips')).toBe(chipsBefore + 1);
  });

  test('types shares as percentages or as fractions, seeing how each entry reads before saving', async ({ page }) => {
    await page.goto('/companies/new');
    // Percent mode (the default): "40%" and "40" are both 40%.
    await untilHydrated(async () => {
      await page.getByLabel('Name').fill('Fraction Mode Fabs');
      await page.locator('#pct-infrastructure').fill('40%');
      await expect(page.locator('#pct-infrastructure-reads')).toHaveText('= 40%', { timeout: 2_000 });
    });
    // Fraction mode reads 0.6 as 60%, as companies.csv does, and refuses 60 rather than guess.
    await page.getByRole('radio', { name: /Fraction/ }).check();
    await expect(page.locator('#pct-infrastructure')).toHaveValue('0.4');
    await page.locator('#pct-chips').fill('60');
    await expect(page.locator('#pct-chips-reads')).toHaveText('A fraction is at most 1 (100%).');
    await expect(page.getByRole('button', { name: 'Create company' })).toBeDisabled();
    await page.locator('#pct-chips').fill('0.6');
    await expect(page.locator('#pct-chips-reads')).toHaveText('= 60%');
    await expect(page.getByText('Total 100% ✓')).toBeVisible();
    await page.getByRole('button', { name: 'Create company' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Fraction Mode Fabs/ })).toBeVisible();
    // Stored as 60% and 40%: the edit form, in its default percent mode, reads them back.
    await page.goto(`${page.url()}/edit`);
    await expect(page.locator('#pct-chips')).toHaveValue('60');
    await expect(page.locator('#pct-infrastructure')).toHaveValue('40');
  });

  test('filters live in the URL: a link reproduces the view', async ({ page }) => {
    await createCompanyInUi(page, 'Url Filter Data Co', { data: '100' });
    await page.goto('/companies');
    await page.getByLabel('Layer', { exact: true }).selectOption('data');
    await expect(page).toHaveURL(/layer=data/);
    await page.getByLabel('Search').fill('url filter');
    await expect(page).toHaveURL(/q=url\+filter|q=url%20filter/);
    await expect(page.getByRole('table', { name: 'Companies' }).getByRole('row')).toHaveCount(2);
    const link = page.url();
    await page.goto('/companies');
    await page.goto(link);
    await expect(page.getByLabel('Layer', { exact: true })).toHaveValue('data');
    await expect(page.getByTestId('company-Url Filter Data Co')).toBeVisible();
  });

  test('bulk-adds selected companies to a list and archives them, one history entry each', async ({ page }) => {
    await createCompanyInUi(page, 'Bulk One', { application: '100' });
    await createCompanyInUi(page, 'Bulk Two', { application: '50', outside: '50' });
    await page.goto('/companies?q=bulk');
    await page.getByLabel('Select Bulk One').check();
    await page.getByLabel('Select Bulk Two').check();
    const bar = page.getByRole('region', { name: 'Bulk actions' });
    await bar.getByLabel('List').selectOption('Watchlist');
    await bar.getByRole('button', { name: 'Add to list' }).click();
    await expect(page.getByText('2 of 2 companies changed.')).toBeVisible();
    await page.goto('/companies?list=Watchlist&q=bulk');
    await expect(page.getByRole('table', { name: 'Companies' }).getByRole('row')).toHaveCount(3);

    await page.getByLabel('Select every company on this page').check();
    await page.getByRole('region', { name: 'Bulk actions' }).getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByText('2 of 2 companies changed.')).toBeVisible();
    await page.goto('/companies?q=bulk');
    await expect(page.getByText('No company matches these filters.')).toBeVisible();
    await page.goto('/companies?q=bulk&archived=only');
    await page.getByRole('link', { name: 'Bulk One' }).click();
    await expect(page.getByRole('cell', { name: 'company.list_add' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'company.archive' })).toBeVisible();
  });

  test('a second editor who saves a stale version gets the conflict and chooses', async ({ page, browser }) => {
    const id = await createCompanyInUi(page, 'Contested Co', { execution: '100' });
    const other = await browser.newContext({ storageState: storageStateFor('analyst') });
    const second = await other.newPage();
    await page.goto(`/companies/${id}/edit`);
    await second.goto(`/companies/${id}/edit`);

    await page.getByLabel('Ticker').fill('FIRST');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Contested Co/ })).toBeVisible();

    await second.getByLabel('Ticker').fill('SECOND');
    await second.getByRole('button', { name: 'Save changes' }).click();
    const conflict = second.getByRole('region', { name: 'Conflict' });
    await expect(conflict).toContainText('Someone else saved this company');
    await expect(conflict.getByRole('row', { name: /ticker/ })).toContainText('FIRST');
    await conflict.getByRole('button', { name: 'Discard mine, load theirs' }).click();
    await expect(second.getByLabel('Ticker')).toHaveValue('FIRST');
    await other.close();

    await page.goto(`/companies/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('FIRST');
  });

  test('a duplicate name is named', async ({ page }) => {
    await createCompanyInUi(page, 'Unique Name Co', { models: '100' });
    await page.goto('/companies/new');
    await page.getByLabel('Name').fill('UNIQUE NAME CO');
    await page.getByRole('button', { name: 'All in 4 Models' }).click();
    await page.getByRole('button', { name: 'Create company' }).click();
    await expect(page.getByText('A company named Unique Name Co already exists.').first()).toBeVisible();
  });

  test('manages lists: create, rename, delete with confirmation', async ({ page }) => {
    await page.goto('/lists');
    await page.getByLabel('New list').fill('Memory makers');
    await page.getByRole('button', { name: 'Create list' }).click();
    const row = page.getByTestId('list-Memory makers');
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: 'Rename' }).click();
    await row.getByLabel('New name for Memory makers').fill('HBM makers');
    await row.getByRole('button', { name: 'Save' }).click();
    const renamed = page.getByTestId('list-HBM makers');
    await expect(renamed).toBeVisible();
    await renamed.getByRole('button', { name: 'Delete' }).click();
    await renamed.getByRole('button', { name: /Delete HBM makers/ }).click();
    await expect(page.getByTestId('list-HBM makers')).toHaveCount(0);
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('sees no edit controls and cannot write through the API', async ({ page }) => {
    await page.goto('/companies');
    await expect(page.getByRole('link', { name: 'New company' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    const response = await page.request.post('/api/v1/companies', {
      data: { name: 'Viewer Made This' },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(403);
    await page.goto('/companies/new');
    await expect(page.getByRole('heading', { name: '403 — Not allowed' })).toBeVisible();
    await page.goto('/companies?q=viewer%20made');
    await expect(page.getByText('No company matches these filters.')).toBeVisible();
  });

  test('a replayed company save action is refused', async ({ browser }) => {
    const analystContext = await browser.newContext({ storageState: storageStateFor('analyst') });
    const analyst = await analystContext.newPage();
    await analyst.goto('/companies/new');
    await analyst.getByLabel('Name').fill('Made By Analyst');
    await analyst.getByRole('button', { name: 'All in 6 Application' }).click();
    const [request] = await Promise.all([
      analyst.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']),
      analyst.getByRole('button', { name: 'Create company' }).click(),
    ]);
    await expect(analyst.getByRole('heading', { level: 1, name: /Made By Analyst/ })).toBeVisible();
    const body = (request.postData() ?? '').replace('Made By Analyst', 'Forged By Viewer');

    const viewerContext = await browser.newContext({ storageState: storageStateFor('viewer') });
    const replay = await viewerContext.request.post('/companies/new', {
      headers: {
        'next-action': request.headers()['next-action']!,
        'content-type': request.headers()['content-type'] ?? 'text/plain',
        accept: 'text/x-component',
      },
      data: body,
    });
    expect(await replay.text()).toContain('This needs the analyst role');
    await analyst.goto('/companies?q=forged');
    await expect(analyst.getByText('No company matches these filters.')).toBeVisible();
    await analystContext.close();
    await viewerContext.close();
  });
});
