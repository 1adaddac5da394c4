import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { FlowsAnswer } from '../lib/analytics/query';
import { formatUsdMillions } from '../lib/format';
import { signIn } from './fixtures/auth';
import { E2E_DEMO_DIR } from './fixtures/env';
import { expectMemoPng, exportFrom, keep, unzip } from './fixtures/export-files';
import { createUserAsAdmin } from './fixtures/users';

/**
 * "Where the money goes" on the demo universe, as a viewer (who reads but cannot write) sees it: the Sankey of the
 * stack draws, the chips layer's known-buyer inflow can be read, the matrix table works from the keyboard, a link
 * lists its flows, the Sankey exports and joins the memo pack, and the dashboard stays free of axe violations.
 */

const SANKEY = '#flows-sankey';
const BASE_NAME = 'stacklens-flows-sankey-revenue-2024-calendar';
const TITLE = 'Who pays whom down the stack, 2024';
const CHIPS_COLOUR = '#56B4E9';

function demoAdmin(): { email: string; password: string } {
  const text = readFileSync(path.join(E2E_DEMO_DIR, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

const viewer = { email: `flows-viewer-${Date.now()}@demo.test`, password: '' };

// The demo's dashboard streams eleven charts: on a shared two-core machine the first drawing can take a while.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await browser.newPage();
  const admin = demoAdmin();
  await signIn(page, admin.email, admin.password);
  viewer.password = await createUserAsAdmin(page, { email: viewer.email, name: 'Flows viewer', role: 'viewer' });
  await page.close();
});

async function openDashboard(page: Page): Promise<Locator> {
  await signIn(page, viewer.email, viewer.password);
  await page.goto('/?year=2024');
  const sankey = page.locator(SANKEY);
  await expect(sankey.locator('[data-chart] svg.plot-surface .sankey-links path').first()).toBeAttached({ timeout: 30_000 });
  return sankey;
}

async function flowsAnswer(page: Page): Promise<FlowsAnswer> {
  const response = await page.request.get('/api/v1/analytics/flows?year=2024');
  expect(response.status()).toBe(200);
  return (await response.json()) as FlowsAnswer;
}

/** Clicks a link of the Sankey on a point of its own stroke (not where another link crosses it). */
async function clickLink(page: Page, link: Locator): Promise<void> {
  await link.scrollIntoViewIfNeeded();
  const point = await link.evaluate((path: SVGPathElement) => {
    const length = path.getTotalLength();
    const matrix = path.getScreenCTM()!;
    for (const at of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
      const p = path.getPointAtLength(length * at).matrixTransform(matrix);
      if (document.elementFromPoint(p.x, p.y) === path) return { x: p.x, y: p.y };
    }
    return null;
  });
  expect(point, 'a point of the link that no other link covers').not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

test('the dashboard opens on where the money goes, above the pools, with the chips layer’s known buyers readable', async ({
  page,
}) => {
  const sankey = await openDashboard(page);
  const answer = await flowsAnswer(page);
  const chips = answer.layers.find((l) => l.key === 'chips')!;
  expect(chips.inflow).toBeGreaterThan(0);

  // First: the section comes before the pools.
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings.indexOf('Where the money goes')).toBeLessThan(
    headings.findIndex((h) => h.startsWith('Revenue pools by layer')),
  );
  await expect(page.getByText('Flows are recorded by calendar year')).toBeVisible();
  await expect(sankey.getByText(/\d+ flows · 1 missing/)).toBeVisible();

  // One node a layer with revenue on the right, and links coloured by payer.
  const links = sankey.locator('.sankey-links path');
  expect(await links.count()).toBeGreaterThanOrEqual(answer.matrix.length);
  await expect(sankey.locator('svg text', { hasText: /^End customers and/ })).toBeVisible();

  // The chips payee's tooltip: its pool, and what known buyers pay it.
  await sankey.locator(`.sankey-nodes rect[fill="${CHIPS_COLOUR}"]`).last().hover();
  const tooltip = sankey.locator('.chart-tooltip');
  await expect(tooltip).toContainText(`Revenue pool P(L): ${formatUsdMillions(chips.pool)}`);
  await expect(tooltip).toContainText(`Known inflows from companies with revenue: ${formatUsdMillions(chips.inflow)}`);

  // The other charts of the section draw too.
  for (const id of ['flows-gross-net', 'flows-value-added', 'flows-top']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#${id} [data-chart] .recharts-wrapper > svg.recharts-surface path`).first()).toBeAttached();
  }
  await expect(page.getByRole('table', { name: 'Top flows' })).toContainText('Microsoft');

  // A year without flows: one short card that says how to add them, and the pools right after it.
  await page.goto('/?year=2022');
  await expect(page.locator('#flows-empty')).toHaveText(
    'No flows between tracked companies for 2022 in this set. Add flows on the Import / export page (flows.csv) or on a company page (Customers and suppliers).',
  );
  await expect(page.locator(SANKEY)).toHaveCount(0);
  await expect(page.locator('#layer-pools [data-chart] .recharts-wrapper')).toBeVisible({ timeout: 30_000 });
});

test('the matrix table is reachable by keyboard, and a cell or a link lists its flows', async ({ page }) => {
  const sankey = await openDashboard(page);
  const answer = await flowsAnswer(page);
  const cell = answer.matrix.find((m) => m.from === 'execution' && m.to === 'chips')!;

  // From the card's export button, Tab reaches the table's summary; Enter opens it; Tab reaches a cell.
  await sankey.getByRole('button', { name: 'Export' }).focus();
  const summary = sankey.getByText('Who pays whom, as a table (payer layer × payee layer)');
  for (let i = 0; i < 6 && !(await summary.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  const button = sankey.getByRole('button', { name: /^5 Execution pays 2 Chips / });
  await expect(button).toHaveAccessibleName(
    `5 Execution pays 2 Chips ${formatUsdMillions(cell.value)} in ${cell.flows} flows: list them`,
  );
  for (let i = 0; i < 40 && !(await button.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  const list = sankey.getByRole('table', { name: 'Flows 5 Execution → 2 Chips' });
  await expect(list.locator('tbody tr')).toHaveCount(cell.flows);
  await expect(list).toContainText('Microsoft');
  await expect(list).toContainText('NVIDIA');
  await expect(sankey.getByRole('heading', { name: /^Flows 5 Execution → 2 Chips, 2024/ })).toBeFocused();
  await sankey.getByRole('button', { name: 'Close' }).click();
  await expect(list).toHaveCount(0);

  // A click on the Sankey's application → chips link lists Meta's purchase, with its source.
  await clickLink(page, sankey.locator(`.sankey-links path[stroke="#CC79A7"]`).first());
  const application = sankey.getByRole('table', { name: /^Flows 6 Application → / });
  await expect(application).toContainText('Meta Platforms');
  await expect(application).toContainText('estimate');
  await expect(application).toContainText('http');
});

test('the Sankey exports as a PNG and goes into the memo pack', async ({ page }, testInfo) => {
  const sankey = await openDashboard(page);
  const png = await exportFrom(sankey, 'PNG image (2×)', testInfo);
  expect(png.name).toBe(`${BASE_NAME}.png`);
  expectMemoPng(png.bytes, { width: 3200, height: 1800 });

  await page.getByRole('button', { name: 'Memo pack…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Memo pack' });
  const ours = dialog.getByRole('checkbox', { name: TITLE });
  await expect(ours).toBeChecked();
  for (const box of await dialog.getByRole('checkbox').all()) if (box !== ours && (await box.isChecked())) await box.uncheck();
  await ours.check();
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(1);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download ZIP' }).click();
  const zip = await keep(await download, testInfo);
  const files = unzip(zip.bytes);
  expect(Object.keys(files).sort()).toEqual([`${BASE_NAME}.csv`, `${BASE_NAME}.png`, `${BASE_NAME}.svg`]);
  expectMemoPng(files[`${BASE_NAME}.png`]!, { width: 3200, height: 1800 });
  expect(new TextDecoder().decode(files[`${BASE_NAME}.csv`])).toContain('End customers and untracked payers');
});

test('the dashboard with the flows section has no accessibility violations, and the viewer cannot write flows', async ({
  page,
}) => {
  await openDashboard(page);
  await page.locator(SANKEY).getByText('Who pays whom, as a table (payer layer × payee layer)').click();
  for (const id of ['flows-gross-net', 'flows-value-added', 'flows-top']) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const cell = await page.request.get('/api/v1/analytics/flows/cell?year=2024&from=gpus&to=chips');
  expect(cell.status()).toBe(422);
  expect(((await cell.json()) as { error: { issues: { path: string[] }[] } }).error.issues[0]!.path).toEqual(['from']);
  const write = await page.request.put('/api/v1/flows', { data: { flows: [] } });
  expect(write.status()).toBe(403);
});
