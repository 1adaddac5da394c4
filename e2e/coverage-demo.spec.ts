import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { GapAnswer, ProfitabilityAnswer, SeriesAnswer } from '../lib/analytics/query';
import { signIn } from './fixtures/auth';
import { E2E_DEMO_DIR } from './fixtures/env';
import { exportFrom, svgFacts } from './fixtures/export-files';

/**
 * Issue 17's first point on the demo universe, with the year at 2025 (about a third of the companies have reported):
 * no time chart draws the partial year as a collapse or a closed gap, each says that year's coverage, the profit
 * pool says which model labs it leaves out, Like-for-like plots the same companies every year, and a time series'
 * exported SVG gives each year's coverage in its footer.
 */

const MODEL_LABS = ['Anthropic', 'Mistral AI', 'OpenAI', 'xAI'];
const LOW = '[data-coverage="low"]';

function demoAdmin(): { email: string; password: string } {
  const text = readFileSync(path.join(E2E_DEMO_DIR, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

// The demo's dashboard draws eleven charts: on a shared two-core machine the first drawing can take a while.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

async function api<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** The card, scrolled to so its drawing renders, once its chart's <svg> is there. */
async function drawnCard(page: Page, id: string): Promise<Locator> {
  const card = page.locator(`#${id}`);
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('[data-chart] .recharts-wrapper > svg.recharts-surface')).toBeAttached({ timeout: 30_000 });
  return card;
}

test.beforeEach(async ({ page }) => {
  const admin = demoAdmin();
  await signIn(page, admin.email, admin.password);
  await page.goto('/?year=2025');
});

test('with the year at 2025 the time charts fade 2025 and say its coverage, and the gap does not close there', async ({
  page,
}) => {
  const series = await api<SeriesAnswer>(page, '/api/v1/analytics/series?from=2018&to=2025&metric=revenue');
  const y2025 = series.years.at(-1)!;
  const of = y2025.coverage.included + y2025.coverage.missingCount;
  // The premise: 2025 is partly reported.
  expect(y2025.coverage.included).toBeLessThan(0.8 * of);

  const overTime = await drawnCard(page, 'over-time');
  // Every layer's 2025 segment that is drawn is faded and marked.
  expect(await overTime.locator(`[data-chart] ${LOW}`).count()).toBeGreaterThan(0);
  await expect(overTime).toContainText(`2025 (${y2025.coverage.included} of ${of} reported), under 80%`);

  const gapAnswer = await api<GapAnswer>(page, '/api/v1/analytics/gap?from=2018&to=2025');
  const gap2025 = gapAnswer.years.at(-1)!;
  const gap = await drawnCard(page, 'gap');
  // Both bars of 2025 faded, and its point hollow on the dashed line: a year under 80% is never drawn as complete.
  expect(await gap.locator(`[data-chart] ${LOW}`).count()).toBeGreaterThanOrEqual(2);
  // One hollow point per plotted year where either input is under 80% (on the demo, earlier years too).
  const thin = (c: { included: number; missingCount: number }) => c.included < 0.8 * (c.included + c.missingCount);
  const lowYears = gapAnswer.years.filter(
    (y) =>
      y.coverage.chips.included + y.coverage.application.included > 0 && (thin(y.coverage.chips) || thin(y.coverage.application)),
  );
  expect(lowYears.at(-1)?.year).toBe(2025);
  await expect(gap.locator(`[data-chart] ${LOW} circle`)).toHaveCount(lowYears.length);
  const chips = gap2025.coverage.chips;
  await expect(gap).toContainText(
    `2025 (chips ${chips.included} of ${chips.included + chips.missingCount}, application ${gap2025.coverage.application.included} of`,
  );
  await expect(gap).toContainText('Coverage in 2025:');
});

test('the profit pool greys the models layer and names the model labs it leaves out', async ({ page }) => {
  const answer = await api<ProfitabilityAnswer>(page, '/api/v1/analytics/profitability?year=2025');
  const models = answer.layers.find((l) => l.key === 'models')!.coverage.revenueAndOperatingIncome;
  // The labs whose revenue is in the stack but which report no operating income: the ones named first.
  const withoutRevenue = new Set(answer.coverage.revenue.missing.map((m) => m.id));
  const labs = models.missing.filter((m) => MODEL_LABS.includes(m.name) && !withoutRevenue.has(m.id));
  expect(labs.length).toBeGreaterThan(0);

  const card = await drawnCard(page, 'profit-pool');
  const note = card.getByText(/Greyed, under 80% of the layer's companies having revenue and operating income/);
  await expect(note).toContainText(/4 Models, \d+ of \d+ \(missing /);
  await expect(note).toContainText(labs[0]!.name);
  await expect(card.locator(`[data-chart] ${LOW}`).first()).toBeAttached();
});

test('Like-for-like plots only the companies present every year, says how many, and fades nothing', async ({ page }) => {
  const overTime = await drawnCard(page, 'over-time');
  const toggle = overTime.getByRole('switch', { name: 'Like-for-like' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/likeForLike=1/);
  await expect(overTime.getByRole('heading', { level: 2 })).toContainText('(like-for-like)');

  const series = await api<SeriesAnswer>(page, '/api/v1/analytics/series?from=2018&to=2025&metric=revenue&likeForLike=1');
  const { companies, of } = series.likeForLike!;
  await expect(overTime).toContainText(`Like-for-like: the ${companies} of ${of} companies with revenue in every year plotted`);
  await expect(overTime.locator(`[data-chart] ${LOW}`)).toHaveCount(0);
  // The gap card's switch is the same setting.
  await expect((await drawnCard(page, 'gap')).getByRole('switch', { name: 'Like-for-like' })).toBeChecked();
});

test("an over-time SVG export marks 2025 and gives each year's coverage in its footer", async ({ page }, testInfo) => {
  const series = await api<SeriesAnswer>(page, '/api/v1/analytics/series?from=2018&to=2025&metric=revenue');
  const card = await drawnCard(page, 'over-time');
  const svg = await exportFrom(card, 'SVG vector image', testInfo);
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('data-coverage="low"');
  const facts = await svgFacts(page, text);
  const footer = facts.texts.slice(facts.texts.findIndex((t) => t.startsWith('Source: Stacklens'))).join(' ');
  expect(footer).toContain('Companies reported: ');
  // Every plotted year's count is in the footer, either alone or inside a range.
  const plotted = series.years.filter((y) => y.coverage.included > 0);
  const y2025 = plotted.at(-1)!;
  expect(footer).toContain(`2025: ${y2025.coverage.included} of ${y2025.coverage.included + y2025.coverage.missingCount}`);
  expect(footer).toContain(`${plotted[0]!.year}`);
  expect(facts.texts).toContain('Faded: under 80% of companies reported');
});
