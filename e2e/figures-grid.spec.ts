import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { storageStateFor } from './fixtures/env';

/** The last full fiscal year: always inside the years the grid opens with. */
const YEAR = new Date().getUTCFullYear() - 1;

async function createCompany(request: APIRequestContext, name: string, over: Record<string, unknown> = {}): Promise<string> {
  const response = await request.post('/api/v1/companies', { data: { name, currency: 'EUR', fiscalYearEndMonth: 6, ...over } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const cell = (page: Page, year: number, metric: string, kind = 'reported', quarter: number | 'FY' = 'FY') =>
  page.locator(`[data-cell="${year}|${quarter}|${metric}|${kind}"]`);

const status = (page: Page) => page.locator('#figures').getByRole('status').first();

test.describe('an analyst', () => {
  test.use({ storageState: storageStateFor('analyst') });

  test('types a figure with its source, sees it saved, cancels with Escape, deletes and restores it', async ({ page }) => {
    const id = await createCompany(page.request, 'Grid Typing Co');
    await page.goto(`/companies/${id}`);
    await expect(page.getByText('Millions of EUR · fiscal years end in June')).toBeVisible();

    await page.getByLabel('Source for values you type or paste').fill('Annual report FY2025, p. 41');
    await cell(page, YEAR, 'revenue').click();
    await page.keyboard.type('60,922.5');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(`Saved Revenue, reported, FY${YEAR}.`);
    await expect(cell(page, YEAR, 'revenue')).toHaveText('60,922.5');
    // Enter moved down to the estimate row; Escape abandons what was typed there.
    await page.keyboard.type('7');
    await page.keyboard.press('Escape');
    await expect(cell(page, YEAR, 'revenue', 'estimate')).toHaveText('');

    await page.reload();
    await cell(page, YEAR, 'revenue').click();
    const panel = page.getByRole('region', { name: 'Selected figure' });
    await expect(panel).toContainText('60,922.5 EURm');
    await expect(panel).toContainText('Source: Annual report FY2025, p. 41');
    await expect(panel.getByRole('table', { name: 'History of this cell' })).toContainText(
      'entered 60,922.5 EURm · source: Annual report FY2025, p. 41',
    );

    await cell(page, YEAR, 'revenue').press('Delete');
    await expect(status(page)).toContainText(`Delete Revenue, reported, FY${YEAR}? Press Enter to delete`);
    await cell(page, YEAR, 'revenue').press('Enter');
    await expect(status(page)).toContainText(`Deleted Revenue, reported, FY${YEAR}.`);
    await expect(cell(page, YEAR, 'revenue')).toHaveText('');

    await page.getByText('Figure history', { exact: true }).click();
    await page.getByRole('table', { name: 'Figure history' }).getByRole('button', { name: 'Restore' }).click();
    await expect(cell(page, YEAR, 'revenue')).toHaveText('60,922.5');
    await expect(page.getByRole('table', { name: 'Figure history' }).getByRole('button', { name: 'Restore' })).toHaveCount(0);
  });

  test('a second editor of the same figure sees both values and chooses', async ({ page, browser, request }) => {
    const id = await createCompany(request, 'Grid Conflict Co');
    const put = await request.put('/api/v1/figures', {
      data: {
        figures: [
          {
            companyId: id,
            fiscalYear: YEAR,
            fiscalQuarter: null,
            metric: 'capex',
            kind: 'reported',
            value: '100',
            currency: 'EUR',
          },
        ],
      },
    });
    expect(put.status()).toBe(200);
    const other = await browser.newContext({ storageState: storageStateFor('analyst') });
    const second = await other.newPage();
    await page.goto(`/companies/${id}`);
    await second.goto(`/companies/${id}`);

    await cell(page, YEAR, 'capex').dblclick();
    await page.getByLabel('Value in millions').fill('111');
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText(`Saved Capex, reported, FY${YEAR}.`);

    await cell(second, YEAR, 'capex').dblclick();
    await second.getByLabel('Value in millions').fill('222');
    await second.keyboard.press('Enter');
    const dialog = second.getByRole('dialog', { name: 'Changed by someone else' });
    await expect(dialog.getByRole('region', { name: 'Their value' })).toContainText('111 EURm');
    await expect(dialog.getByRole('region', { name: 'Your value' })).toContainText('222 EURm');
    await dialog.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(cell(second, YEAR, 'capex')).toHaveText('111');

    // Now the first editor is the stale one, and this time keeps their own value.
    await cell(second, YEAR, 'capex').dblclick();
    await second.getByLabel('Value in millions').fill('333');
    await second.keyboard.press('Enter');
    await expect(status(second)).toHaveText(`Saved Capex, reported, FY${YEAR}.`);
    await cell(page, YEAR, 'capex').dblclick();
    await page.getByLabel('Value in millions').fill('444');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog').getByRole('region', { name: 'Their value' })).toContainText('333 EURm');
    await page.getByRole('dialog').getByRole('button', { name: 'Save mine' }).click();
    await expect(status(page)).toHaveText(`Saved Capex, reported, FY${YEAR}.`);
    const { items } = (await (await request.get(`/api/v1/figures?company=${id}`)).json()) as {
      items: { value: string; version: number }[];
    };
    expect(items).toMatchObject([{ value: '444', version: 4 }]);
    await other.close();
  });

  test('the Figures page lists a list’s companies for a year with the reason each value is missing', async ({ page }) => {
    const list = `Coverage E2E ${Date.now()}`;
    const filled = await createCompany(page.request, 'Coverage Filled Co', { lists: [list], currency: 'USD' });
    await createCompany(page.request, 'Coverage Gap Co', { lists: [list] });
    await page.request.put('/api/v1/figures', {
      data: {
        figures: [
          {
            companyId: filled,
            fiscalYear: YEAR,
            fiscalQuarter: null,
            metric: 'revenue',
            kind: 'estimate',
            value: '4000',
            currency: 'USD',
            source: 'run-rate',
          },
        ],
      },
    });
    await page.goto('/figures');
    await page.getByLabel('Fiscal year').fill(String(YEAR));
    await page.getByLabel('List').selectOption(list);
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page.getByText(`1 of 2 companies on ${list} have revenue for FY${YEAR}`)).toBeVisible();
    await expect(page.getByRole('row', { name: /Coverage Filled Co/ })).toContainText('4,000');
    await expect(page.getByRole('row', { name: /Coverage Filled Co/ })).toContainText('estimate');

    await page.getByLabel('Show').selectOption({ label: 'Missing only' });
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page.getByRole('row', { name: /Coverage Gap Co/ })).toContainText(`no revenue for FY${YEAR}`);
    await expect(page.getByRole('row', { name: /Coverage Filled Co/ })).toHaveCount(0);
  });
});

test.describe('a viewer', () => {
  test.use({ storageState: storageStateFor('viewer') });

  test('reads the figures but cannot edit them', async ({ page, browser }) => {
    const analyst = await browser.newContext({ storageState: storageStateFor('analyst') });
    const id = await createCompany(analyst.request, 'Grid Viewer Co');
    await analyst.request.put('/api/v1/figures', {
      data: {
        figures: [
          {
            companyId: id,
            fiscalYear: YEAR,
            fiscalQuarter: null,
            metric: 'revenue',
            kind: 'reported',
            value: '5',
            currency: 'EUR',
          },
        ],
      },
    });
    await analyst.close();

    await page.goto(`/companies/${id}`);
    await expect(page.getByRole('grid', { name: 'Figures' })).toHaveAttribute('aria-readonly', 'true');
    // Said before they try: a note above the grid, and no edit cursor on its cells.
    await expect(page.getByRole('note').filter({ hasText: 'a viewer cannot change them' })).toBeVisible();
    await expect(cell(page, YEAR, 'revenue')).toHaveCSS('cursor', 'default');
    await expect(page.getByLabel('Source for values you type or paste')).toHaveCount(0);
    await cell(page, YEAR, 'revenue').click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('9');
    await expect(page.getByLabel('Value in millions')).toHaveCount(0);
    // And said again when they type: nothing is silently ignored.
    await expect(page.getByText('Read only: a viewer cannot change figures.')).toBeVisible();
    await expect(cell(page, YEAR, 'revenue')).toHaveText('5');
    await expect(page.getByRole('button', { name: /Add figure|Save changes/ })).toHaveCount(0);
  });
});
