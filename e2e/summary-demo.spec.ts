import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatPercent, formatUsdMillions } from '../lib/format';
import { signIn } from './fixtures/auth';
import { E2E_DEMO_DIR } from './fixtures/env';

/**
 * "Where value accrues in 2024" on the demo universe: each sentence of the summary states the numbers its chart's
 * View data holds (read from the tables here, not from the API), links to that chart, follows the year filter, and
 * the dashboard stays free of axe violations.
 */

test.describe.configure({ mode: 'serial', timeout: 120_000 });

function demoAdmin(): { email: string; password: string } {
  const text = readFileSync(path.join(E2E_DEMO_DIR, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

/** A card's View data as text cells, row by row (the table is in the page whether or not it is open). */
async function viewData(page: Page, card: string): Promise<string[][]> {
  const table = page.locator(`#${card} details table`);
  await expect(table).toBeAttached({ timeout: 60_000 });
  return table.evaluate((t: HTMLTableElement) =>
    [...t.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => (c.textContent ?? '').trim())),
  );
}

/** A number as a View data cell shows it: "12,345.6", "45.1%", "+13.0%", "−3.2%". */
const numberOf = (cell: string) => Number(cell.replace(/[,%+\s]/g, '').replace('−', '-'));
/** A layer as a table names it, with or without its position ("2 Chips" or "Chips"). */
const layerName = (cell: string) => cell.replace(/^\d+\s+/, '');

function largestBy<T>(items: readonly T[], by: (item: T) => number): T {
  return items.reduce((best, item) => (by(item) > by(best) ? item : best));
}

const sentence = (page: Page, chart: string): Locator => page.locator(`#summary [data-summary="${chart}"]`);

/** Checks every sentence of the summary for `year` against the View data of the chart it links to. */
async function expectSummaryMatchesViewData(page: Page, year: number) {
  await expect(page.getByRole('heading', { name: `Where value accrues in ${year}` })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#summary')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });

  // The largest pool: the layer-pools table lists each layer's companies, "Others" and the layer's total row.
  const pools = new Map<string, number>();
  for (const [layer, name, value] of await viewData(page, 'layer-pools'))
    if (name === `Total ${layer}`) pools.set(layer!, numberOf(value!));
  expect(pools.size).toBeGreaterThan(1);
  const gross = [...pools.values()].reduce((s, v) => s + v, 0);
  const [poolLayer, pool] = largestBy([...pools], ([, v]) => v);
  await expect(sentence(page, 'layer-pools')).toContainText(
    `${poolLayer} holds the largest revenue pool: ${formatUsdMillions(pool)}, ${formatPercent(pool / gross)} of the stack's gross total.`,
  );

  // The largest operating profit: the widest area (share of revenue × margin) of the profit pool's table.
  const bars = (await viewData(page, 'profit-pool')).map(([layer, share, margin]) => ({
    layer: layerName(layer!),
    area: (numberOf(share!) / 100) * (numberOf(margin!) / 100),
    margin: margin!,
  }));
  const profit = largestBy(bars, (b) => b.area);
  const profitShare = profit.area / bars.reduce((s, b) => s + b.area, 0);
  const profitText = (await sentence(page, 'profit-pool').textContent()) ?? '';
  expect(profitText).toContain(`${profit.layer} earns the largest operating profit: `);
  expect(profitText).toContain(`at a ${profit.margin} operating margin.`);
  // The table's shares and margins are rounded to 0.1%, so the share recomputed from them may differ a little.
  const stated = numberOf(/: ([\d.]+%) of the stack's/.exec(profitText)![1]!) / 100;
  expect(Math.abs(stated - profitShare)).toBeLessThan(0.005);

  // The most concentrated layer: the highest HHI of the concentration table.
  const hhis = (await viewData(page, 'concentration')).filter(([, hhi]) => hhi !== '—');
  const [hhiLayer, hhi] = largestBy(hhis, ([, h]) => numberOf(h!));
  await expect(sentence(page, 'concentration')).toContainText(
    `${layerName(hhiLayer!)} is the most concentrated layer by revenue: HHI ${numberOf(hhi!).toLocaleString('en-US')}, `,
  );

  // The largest like-for-like growth of the year, from the over-time table's rows of that year.
  const growths = (await viewData(page, 'over-time')).filter(([y, , , g]) => Number(y) === year && g !== '—');
  const [, growthLayer, , growth] = largestBy(growths, ([, , , g]) => numberOf(g!));
  await expect(sentence(page, 'over-time')).toContainText(
    `${layerName(growthLayer!)} grew the most like-for-like: ${growth} in revenue over ${year - 1}.`,
  );

  // The gap of the year, from the gap table's row of that year.
  const gapRow = (await viewData(page, 'gap')).find(([y]) => Number(y) === year)!;
  const [, , required, application, gap] = gapRow.map(numberOf);
  const against = gap! >= 0 ? `a gap of ${formatUsdMillions(gap!)}` : `${formatUsdMillions(-gap!)} more than that`;
  await expect(sentence(page, 'gap')).toContainText(
    `Chips revenue implies ${formatUsdMillions(required!)} of application revenue (g = 0.5, m = 0.5); the application layer earns ${formatUsdMillions(application!)}, ${against}.`,
  );
}

test('the summary states the answer of each chart, linked to it, and follows the year', async ({ page }) => {
  const admin = demoAdmin();
  await signIn(page, admin.email, admin.password);
  await page.goto('/?year=2024');
  await expectSummaryMatchesViewData(page, 2024);

  // Each sentence links to its chart's card.
  for (const chart of ['layer-pools', 'profit-pool', 'concentration', 'over-time', 'gap']) {
    await expect(sentence(page, chart).getByRole('link')).toHaveAttribute('href', `#${chart}`);
    await expect(page.locator(`section#${chart}`)).toHaveCount(1);
  }
  await sentence(page, 'gap').getByRole('link').click();
  await expect(page).toHaveURL(/#gap$/);

  // 2025 is partly reported in the demo: the summary follows the filter and says where coverage is thin.
  await page.getByRole('form', { name: 'Dashboard filters' }).getByRole('spinbutton', { name: 'Year' }).fill('2025');
  await expect(page).toHaveURL(/year=2025/);
  await expectSummaryMatchesViewData(page, 2025);
  await expect(page.locator('#summary')).toContainText('Coverage is thin:');
});

test('a first visit asks for no answer again: the summary and every chart read what the page streamed', async ({ page }) => {
  const admin = demoAdmin();
  await signIn(page, admin.email, admin.password);
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/analytics/')) asked.push(new URL(request.url()).pathname);
  });
  await page.goto('/?year=2024');
  await expectSummaryMatchesViewData(page, 2024);
  // Charts below the fold draw when they scroll into view.
  for (const chart of ['over-time', 'gap', 'profit-pool', 'capex-intensity']) {
    await page.locator(`section#${chart}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`section#${chart} svg`).first()).toBeVisible({ timeout: 60_000 });
  }
  await page.waitForLoadState('networkidle');
  expect(asked).toEqual([]);
});

test('the dashboard with its summary has no axe violations', async ({ page }) => {
  const admin = demoAdmin();
  await signIn(page, admin.email, admin.password);
  await page.goto('/?year=2024');
  await expect(page.getByRole('heading', { name: 'Where value accrues in 2024' })).toBeVisible({ timeout: 60_000 });
  await expect(sentence(page, 'gap')).toBeVisible({ timeout: 60_000 });
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
