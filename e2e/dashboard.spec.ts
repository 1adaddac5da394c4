import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_BASE_URL, storageStateFor } from './fixtures/env';
import { failOnCspViolations } from './fixtures/csp';
import { importUniverse } from './fixtures/universe';

/**
 * A known universe on its own list, so the numbers do not depend on what other tests add. For 2024 (calendar
 * years end in December, so calendar = fiscal): revenue chips 500, infrastructure 0.5 × 1000, execution 0.5 × 1000,
 * application 300 (an estimate); Dash Missing has no figures.
 */
const LIST = 'Dashboard E2E';
const COMPANIES = `name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description
Dash Chips,DCH,US,public,12,${LIST},,1,,,,,,USD,,
Dash Cloud,DCL,US,public,12,${LIST},0.5,,,,0.5,,,USD,,
Dash Apps,DAP,GB,private,12,${LIST},,,,,,1,,USD,,
Dash Missing,DMI,US,private,12,${LIST},,,,1,,,,USD,,`;
const FIGURES = `company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note
Dash Chips,2023,,revenue,,400,,,
Dash Chips,2024,,revenue,,500,,,
Dash Chips,2024,,capex,,50,,,
Dash Chips,2024,,operating_income,,200,,,
Dash Cloud,2023,,revenue,,800,,,
Dash Cloud,2024,,revenue,,1000,,,
Dash Cloud,2024,,capex,,600,,,
Dash Cloud,2024,,operating_income,,100,,,
Dash Apps,2023,,revenue,,200,,,
Dash Apps,2024,,revenue,estimate,300,,,run-rate
Dash Apps,2024,,capex,,10,,,
Dash Apps,2024,,operating_income,,-30,,,`;

const CHARTS = ['layer-pools', 'stack-mix', 'over-time', 'concentration', 'profit-pool', 'capex-intensity', 'gap'];
const VIEW = `/?year=2024&list=${encodeURIComponent(LIST)}`;

test.beforeAll(async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: storageStateFor('analyst') });
  await importUniverse(api, { companies: COMPANIES, figures: FIGURES });
  await api.dispose();
});

/** The numbers the layer-pools chart plots, as its View data table reads. */
async function poolTable(page: Page): Promise<string> {
  const chart = page.locator('#layer-pools');
  await chart.getByText('View data').click();
  const text = await chart.getByRole('table').innerText();
  await chart.getByText('View data').click();
  return text;
}

test.describe('an analyst', () => {
  failOnCspViolations();
  test.use({ storageState: storageStateFor('analyst') });

  test('sees every chart draw marks for a known universe', async ({ page }) => {
    await page.goto(VIEW);
    for (const id of CHARTS) {
      // A chart draws once it nears the viewport, as a reader scrolls to it.
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      // Bars and areas are paths with a drawn outline; an axis or a grid alone would not count.
      const marks = page
        .locator(`#${id} [data-chart] .recharts-wrapper > svg.recharts-surface`)
        .locator('path.recharts-rectangle, path.recharts-curve');
      await expect(marks.first(), id).toBeAttached();
      const drawn = await marks.evaluateAll((paths) => paths.filter((p) => (p.getAttribute('d') ?? '').length > 10).length);
      expect(drawn, id).toBeGreaterThan(0);
    }
    await expect(page.locator('#layer-pools')).toContainText('3 companies · 1 missing');
    await expect(page.locator('#layer-pools')).toContainText('Includes estimates');
  });

  test('draws a chart below the fold only once it nears the viewport, in a box of its size', async ({ page }) => {
    await page.goto(VIEW);
    await expect(page.locator('#layer-pools [data-chart] .recharts-wrapper')).toBeVisible();
    const gap = page.locator('#gap');
    // The card itself is there at once (title, coverage, View data); its drawing waits.
    await expect(gap.getByRole('heading', { level: 2 })).toHaveText(/Required-revenue gap/);
    await expect(gap.locator('.recharts-wrapper')).toHaveCount(0);
    const placeholder = await gap.locator('[data-chart]').boundingBox();
    await gap.scrollIntoViewIfNeeded();
    await expect(gap.locator('[data-chart] .recharts-wrapper')).toBeVisible();
    expect((await gap.locator('[data-chart]').boundingBox())?.height).toBe(placeholder?.height);
  });

  test('Ctrl+P draws every chart before the print dialog opens', async ({ page }) => {
    await page.goto(VIEW);
    await expect(page.locator('#layer-pools [data-chart] .recharts-wrapper')).toBeVisible();
    await expect(page.locator('#gap .recharts-wrapper')).toHaveCount(0);
    // The dialog is the browser's: count what would be printed when the page asks for it.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printedCharts = String(document.querySelectorAll('[data-chart] .recharts-wrapper > svg').length);
      };
    });
    await page.keyboard.press('ControlOrMeta+P');
    await expect(page.locator('body')).toHaveAttribute('data-printed-charts', String(CHARTS.length));
  });

  test('a chart scrolled past draws a filter change when the reader comes back to it, as a fresh page draws it', async ({
    page,
  }) => {
    const drawingOf = (id: string) => page.locator(`#${id} [data-chart] .recharts-wrapper > svg.recharts-surface`);
    await page.goto(`${VIEW}&metric=capex`);
    await expect(drawingOf('layer-pools')).toBeVisible();
    const capexDrawing = await drawingOf('layer-pools').textContent();

    await page.goto(VIEW);
    await expect(drawingOf('layer-pools')).toBeVisible();
    const revenueDrawing = await drawingOf('layer-pools').textContent();
    expect(revenueDrawing).not.toBe(capexDrawing);
    await page.locator('#gap').scrollIntoViewIfNeeded();
    await expect(drawingOf('gap')).toBeVisible();
    // Scrolled past, the pools keep their drawing while their numbers stay the same.
    await expect(drawingOf('layer-pools')).toHaveText(revenueDrawing!);

    // A change from down here (choosing an option does not scroll): the pools' card follows at once, but its
    // drawing, out of sight, waits for the reader, hidden from assistive technology meanwhile; the gap, in view, is
    // drawn for the new filters.
    await page.getByRole('form', { name: 'Dashboard filters' }).getByLabel('Metric').selectOption('capex');
    await expect(page.locator('#layer-pools h2')).toHaveText('Capex pools by layer, 2024');
    await expect(page.locator('#layer-pools [data-chart]')).toHaveAttribute('aria-hidden', 'true');
    await expect(drawingOf('layer-pools')).toHaveText(revenueDrawing!);
    await expect(page.locator('#gap [data-chart]')).not.toHaveAttribute('aria-hidden');

    await page.locator('#layer-pools').scrollIntoViewIfNeeded();
    await expect(drawingOf('layer-pools')).toHaveText(capexDrawing!);
    await expect(page.locator('#layer-pools [data-chart]')).not.toHaveAttribute('aria-hidden');
  });

  test('changes a filter in the URL and the numbers, and a copied link shows the same view', async ({ page, browser }) => {
    await page.goto(VIEW);
    expect(await poolTable(page)).toContain('Dash Cloud\t500');
    await page.getByRole('form', { name: 'Dashboard filters' }).getByLabel('Metric').selectOption('capex');
    await expect(page).toHaveURL(/metric=capex/);
    await expect(page.locator('#layer-pools h2')).toHaveText('Capex pools by layer, 2024');
    await expect.poll(() => poolTable(page)).toContain('Dash Cloud\t300');

    const copied = page.url();
    const other = await browser.newContext({ storageState: storageStateFor('analyst') });
    const fresh = await other.newPage();
    await fresh.goto(copied);
    await expect(fresh.locator('#layer-pools h2')).toHaveText('Capex pools by layer, 2024');
    expect(await poolTable(fresh)).toBe(await poolTable(page));
    await other.close();
  });

  test('types a year into the Year field, and a half-typed year is kept while typing', async ({ page }) => {
    await page.goto(VIEW);
    const year = page.getByRole('form', { name: 'Dashboard filters' }).getByRole('spinbutton', { name: 'Year' });
    await year.fill('');
    await year.pressSequentially('2023');
    await expect(year).toHaveValue('2023');
    await expect(page).toHaveURL(/year=2023/);
    await expect(page.locator('#layer-pools h2')).toHaveText('Revenue pools by layer, 2023');

    // Something that is not a year is left as typed until Enter, which puts the applied year back.
    await year.fill('20');
    await expect(year).toHaveValue('20');
    await expect(year).toHaveAttribute('aria-invalid', 'true');
    await year.press('Enter');
    await expect(year).toHaveValue('2023');
    await expect(page).toHaveURL(/year=2023/);
  });

  test('keeps both of two filter changes made in quick succession', async ({ page }) => {
    await page.goto(VIEW);
    const filters = page.getByRole('form', { name: 'Dashboard filters' });
    await expect(page.locator('#layer-pools h2')).toHaveText('Revenue pools by layer, 2024');
    // Both changes go in before the page re-renders from the first one.
    await filters.evaluate((form) => {
      const set = (label: string, value: string) => {
        const field = [...form.querySelectorAll('label')]
          .find((l) => l.textContent?.startsWith(label))!
          .querySelector('select, input')!;
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')!.set!;
        setter.call(field, value);
        field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      };
      set('Metric', 'capex');
      set('Year', '2023');
    });
    await expect(page).toHaveURL(/metric=capex/);
    await expect(page).toHaveURL(/year=2023/);
    await expect(page.locator('#layer-pools h2')).toHaveText('Capex pools by layer, 2023');
  });

  test('lists a missing company with its reason, and leaving estimates out changes the numbers', async ({ page }) => {
    await page.goto(VIEW);
    await page.locator('#layer-pools').getByText('3 companies · 1 missing').click();
    await expect(page.locator('#layer-pools').getByRole('group', { name: 'Missing companies' })).toContainText(
      'Dash Missing: no revenue for FY2024',
    );
    expect(await poolTable(page)).toContain('Dash Apps\t300');

    await page.getByRole('form', { name: 'Dashboard filters' }).getByLabel('Estimates').selectOption('exclude');
    await expect(page).toHaveURL(/estimates=exclude/);
    await expect(page.locator('#layer-pools')).toContainText('2 companies · 2 missing');
    await expect.poll(() => poolTable(page)).not.toContain('Dash Apps');
  });

  test('drills into a layer with the same filters', async ({ page }) => {
    await page.goto(VIEW);
    await page.getByRole('navigation', { name: 'Layer pages' }).getByRole('link', { name: '2 Chips' }).click();
    await expect(page).toHaveURL(/\/layers\/chips\?year=2024&list=Dashboard\+E2E/);
    await expect(page.getByRole('link', { name: 'Dash Chips' })).toBeVisible();
  });

  test('moves the gap with its assumptions, kept in the URL', async ({ page }) => {
    await page.goto(VIEW);
    const gap = page.locator('#gap');
    await gap.getByText('View data').click();
    // Chips revenue 500 / 0.5 / (1 − 0.5) = 2,000 required against 300 of application revenue.
    await expect(gap.getByRole('table')).toContainText('2,000.0');
    await gap.getByLabel(/share of data-centre cost/).fill('0.25');
    await expect(page).toHaveURL(/g=0\.25/);
    // 500 / 0.25 / 0.5 = 4,000.
    await expect(gap.getByRole('table')).toContainText('4,000.0');
  });

  test('has no WCAG 2.1 AA violations on the dashboard and a layer page', async ({ page }) => {
    for (const path of [VIEW, `/layers/chips?year=2024&list=${encodeURIComponent(LIST)}`]) {
      await page.goto(path);
      await page.locator('.recharts-wrapper').first().waitFor();
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        path,
      ).toEqual([]);
    }
  });
});

test.describe('a viewer', () => {
  failOnCspViolations();
  test.use({ storageState: storageStateFor('viewer') });

  test('sees the dashboard', async ({ page }) => {
    await page.goto(VIEW);
    await expect(page.getByRole('heading', { level: 1, name: 'Where value accrues across the AI stack' })).toBeVisible();
    await expect(page.locator('#layer-pools .recharts-wrapper')).toBeVisible();
  });
});
