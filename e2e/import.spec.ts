import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

const HEADER =
  'name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description';

test.use({ storageState: storageStateFor('analyst') });

test('a file with one bad row shows that row’s error and leaves the companies unchanged', async ({ page }) => {
  await page.goto('/companies?q=import%20e2e');
  await expect(page.getByText('No company matches these filters.')).toBeVisible();

  const file = [
    HEADER,
    'Import E2E Good,IEG,US,public,12,,0,1,0,0,0,0,0,USD,,',
    'Import E2E Bad,IEB,US,public,12,,0.5,0.4,0,0,0,0,0,USD,,',
  ].join('\n');
  await page.goto('/import');
  await page
    .getByLabel('Choose a companies.csv file, or drop it here')
    .setInputFiles({ name: 'one-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await expect(page.getByText('Nothing was written')).toBeVisible();
  const problem = page.getByRole('row', { name: /3\s+shares/ });
  await expect(problem).toContainText('the shares sum to 0.9');
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);

  await page.goto('/companies?q=import%20e2e');
  await expect(page.getByText('No company matches these filters.')).toBeVisible();
});

test('a good file is checked first, then imported; importing it again changes nothing', async ({ page }) => {
  const file = [
    HEADER,
    'Import E2E Alpha,IEA,TW,public,12,Portfolio,0,100,0,0,0,0,0,TWD,,',
    'Import E2E Beta,,US,private,6,,,,,,50,,50,,,',
  ].join('\n');
  await page.goto('/import');
  await page.getByLabel('Or paste CSV text, header row first').fill(file);
  await page.getByRole('button', { name: 'Check pasted text' }).click();
  await expect(page.getByText('Nothing has been written yet')).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 companies' }).click();
  await expect(page.getByRole('link', { name: 'Open the companies' })).toBeVisible();

  await page.goto('/companies?q=import%20e2e');
  await expect(page.getByTestId('company-Import E2E Alpha')).toContainText('Portfolio');
  await expect(page.getByTestId('company-Import E2E Beta')).toContainText('Execution');

  await page.goto('/import');
  await page.getByLabel('Or paste CSV text, header row first').fill(file);
  await page.getByRole('button', { name: 'Check pasted text' }).click();
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await expect(page.getByText(/Unchanged\s*2/)).toBeVisible();
});

test('the export downloads companies.csv that names every company of the filter', async ({ page }) => {
  await page.goto('/companies?q=import%20e2e');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^stacklens-companies-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe(`\uFEFF${HEADER}`);
  expect(text).toContain('Import E2E Alpha,IEA,TW,public,12,Portfolio,0,1,0,0,0,0,0,TWD,,');
});

test('the demo universe loads through the page: companies, then FX rates, then figures with their warnings', async ({ page }) => {
  const seed = (file: string) => readFileSync(`db/seed/ai-stack/${file}`);
  await page.goto('/import');
  for (const [file, noun, count] of [
    ['companies.csv', 'companies', 41],
    ['fx.csv', 'FX rates', 13],
    ['figures.csv', 'figures', 310],
  ] as const) {
    await page.getByRole('radio', { name: file }).check();
    await page
      .getByLabel(`Choose a ${file} file, or drop it here`)
      .setInputFiles({ name: file, mimeType: 'text/csv', buffer: seed(file) });
    await expect(page.getByText('Nothing has been written yet')).toBeVisible();
    if (file === 'figures.csv') await expect(page.getByText(/no TWD rate for 2024/).first()).toBeVisible();
    await page.getByRole('button', { name: `Import ${count} ${noun}` }).click();
    await expect(page.getByText(`Imported ${file}.`)).toBeVisible();
  }
  await page.goto('/companies?q=tsmc');
  await expect(page.getByTestId('company-TSMC')).toContainText('Chips');
});

test('the export offers every file the import takes, exposure profiles and flows included', async ({ page }) => {
  await page.goto('/import');
  const exportSection = page.getByRole('region', { name: 'Export' });
  for (const file of ['companies.csv', 'fx.csv', 'figures.csv', 'exposures.csv', 'flows.csv']) {
    await expect(exportSection.getByRole('link', { name: `Download ${file}` })).toHaveAttribute('href', `/api/v1/export/${file}`);
    expect((await page.request.get(`/api/v1/export/${file}`)).status(), file).toBe(200);
  }
});

test('each file shows its own format and offers a template that imports as it is', async ({ page }) => {
  await page.goto('/import');
  await expect(page.getByRole('heading', { name: 'The companies.csv format' })).toBeVisible();
  await page.getByRole('radio', { name: 'fx.csv' }).check();
  await expect(page.getByRole('heading', { name: 'The fx.csv format' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'fx.csv columns' })).toContainText('usd_per_unit');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a fx.csv template' }).click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('fx-template.csv');
  const text = readFileSync((await template.path())!, 'utf8');
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('currency,year,usd_per_unit');
  // The template goes straight back into the importer: a dry run finds nothing wrong.
  await page.getByLabel('Choose a fx.csv file, or drop it here').setInputFiles({
    name: 'fx-template.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await expect(page.getByText('Nothing has been written yet')).toBeVisible();
  await expect(page.getByText('Nothing was written')).toHaveCount(0);
});
