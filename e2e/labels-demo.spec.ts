import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { LayersAnswer, ProfitabilityAnswer } from '../lib/analytics/query';
import { layerPoolsChart } from '../lib/charts/layer-pools';
import { stackMixChart } from '../lib/charts/stack-mix';
import { parseDashboardFilters } from '../lib/domain/dashboard/filters';
import { formatPercent } from '../lib/format';
import { signIn } from './fixtures/auth';
import { E2E_DEMO_DIR } from './fixtures/env';
import { exportFrom } from './fixtures/export-files';

/**
 * Labels a memo can use as is (issue 17), on the demo universe: the layer-pools export shows each bar's total and
 * names its top companies, the stack-mix export shows shares, every text in both SVGs reads at WCAG AA against
 * what lies behind it, View data copies as a table a spreadsheet pastes, and the pages stay free of axe violations.
 */

const FILTERS = { ...parseDashboardFilters(new URLSearchParams('year=2024')), year: 2024 };
const AA = 4.5;

function demoAdmin(): { email: string; password: string } {
  const text = readFileSync(path.join(E2E_DEMO_DIR, 'demo-admin.txt'), 'utf8');
  return { email: /^email: (.+)$/m.exec(text)![1]!, password: /^password: (.+)$/m.exec(text)![1]! };
}

test.describe.configure({ mode: 'serial', timeout: 90_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function openChart(page: Page, id: string): Promise<Locator> {
  const { email, password } = demoAdmin();
  await signIn(page, email, password);
  await page.goto('/?year=2024');
  const card = page.locator(`#${id}`);
  await card.scrollIntoViewIfNeeded();
  await expect(card.locator('[data-chart] .recharts-wrapper > svg.recharts-surface path').first()).toBeAttached({
    timeout: 30_000,
  });
  return card;
}

async function answer<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

interface TextContrast {
  text: string;
  ratio: number;
  colour: string;
  behind: string;
}

/**
 * Opens the SVG on a blank page and, for each text, computes the WCAG contrast of its colour against what lies
 * behind its middle: the topmost filled shape there (a bar segment, drawn at its opacity over white) or the white
 * canvas. A halo (a copy of a text drawn underneath it in another colour) is what its text sits on.
 */
async function textContrasts(page: Page, svg: string): Promise<TextContrast[]> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body></html>`);
  return page.evaluate(() => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? ['255', '255', '255']).slice(0, 3).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: number[], b: number[]) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const fillOf = (el: Element) => {
      const style = getComputedStyle(el);
      if (style.fill === 'none' || style.visibility === 'hidden') return null;
      const alpha = Number(style.fillOpacity) * Number(style.opacity);
      if (alpha === 0) return null;
      // Drawn on white.
      return rgb(style.fill).map((c) => Math.round(c * alpha + 255 * (1 - alpha)));
    };
    const texts = Array.from(document.querySelectorAll('svg text')).filter((t) => (t.textContent ?? '').trim() !== '');
    const isHaloOf = (halo: Element, text: Element) =>
      halo.textContent === text.textContent &&
      halo.getAttribute('x') === text.getAttribute('x') &&
      halo.getAttribute('y') === text.getAttribute('y');
    const results: { text: string; ratio: number; colour: string; behind: string }[] = [];
    for (const text of texts) {
      const next = text.nextElementSibling;
      if (next?.localName === 'text' && isHaloOf(text, next)) continue;
      const colour = fillOf(text) ?? [0, 0, 0];
      const previous = text.previousElementSibling;
      let behind: number[] = [255, 255, 255];
      if (previous?.localName === 'text' && isHaloOf(previous, text)) behind = fillOf(previous) ?? behind;
      else {
        const box = text.getBoundingClientRect();
        const under = document
          .elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2)
          .find((el) => ['rect', 'path', 'polygon', 'circle'].includes(el.localName) && fillOf(el) !== null);
        if (under) behind = fillOf(under)!;
      }
      results.push({ text: text.textContent!, ratio: ratio(colour, behind), colour: `rgb(${colour})`, behind: `rgb(${behind})` });
    }
    return results;
  });
}

function expectReadable(contrasts: TextContrast[]) {
  expect(contrasts.length).toBeGreaterThan(10);
  expect(contrasts.filter((c) => c.ratio < AA)).toEqual([]);
}

test('the layer-pools SVG shows each bar’s total and names its top companies, every text at AA contrast', async ({
  page,
}, testInfo) => {
  const card = await openChart(page, 'layer-pools');
  const chart = layerPoolsChart(await answer<LayersAnswer>(page, '/api/v1/analytics/layers?year=2024'), FILTERS);
  const file = await exportFrom(card, 'SVG vector image', testInfo);
  const svg = file.bytes.toString('utf8');
  const contrasts = await textContrasts(page, svg);
  const texts = contrasts.map((c) => c.text);

  // Every drawn bar's total, in the chart's one unit.
  const totals = chart.rows.filter((r) => r.totalLabel !== '$0').map((r) => r.totalLabel);
  expect(totals.length).toBeGreaterThan(3);
  for (const total of totals) expect(texts).toContain(total);
  expect(new Set(totals.map((t) => t.slice(-1)))).toEqual(new Set([chart.axis.symbol.slice(-1)]));
  // The largest company of the largest layer has room for its name inside its segment.
  const largest = [...chart.rows].sort((a, b) => Number(b.v0 ?? 0) - Number(a.v0 ?? 0))[0]!;
  expect(texts).toContain((largest.s0 as { name: string }).name);
  // Several companies are named in their segments, not only one.
  const names = chart.rows.flatMap((r) =>
    ['0', '1', '2', '3', '4'].map((k) => (r[`s${k}`] as { name: string } | undefined)?.name),
  );
  expect(texts.filter((t) => names.includes(t)).length).toBeGreaterThan(3);
  expectReadable(contrasts);
});

test('the stack-mix SVG shows each layer’s share in its segment, every text at AA contrast', async ({ page }, testInfo) => {
  const card = await openChart(page, 'stack-mix');
  const chart = stackMixChart(await answer<ProfitabilityAnswer>(page, '/api/v1/analytics/profitability?year=2024'), FILTERS);
  const file = await exportFrom(card, 'SVG vector image', testInfo);
  const contrasts = await textContrasts(page, file.bytes.toString('utf8'));
  const texts = contrasts.map((c) => c.text);
  // The largest share of each drawn bar is wide enough for its label.
  for (const row of chart.rows.filter((r) => r.shares)) {
    const largest = Math.max(...Object.values(row.shares!));
    expect(texts, row.name).toContain(formatPercent(largest, 0));
  }
  expect(texts.filter((t) => /^\d+%$/.test(t)).length).toBeGreaterThan(5);
  expectReadable(contrasts);
});

test('View data reads like a table, and Copy table puts tab-separated numbers on the clipboard from the keyboard', async ({
  page,
}) => {
  const card = await openChart(page, 'layer-pools');
  const chart = layerPoolsChart(await answer<LayersAnswer>(page, '/api/v1/analytics/layers?year=2024'), FILTERS);
  const summary = card.getByText('View data');
  await summary.focus();
  await page.keyboard.press('Enter');
  const table = card.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Attributed revenue (USD m)' })).toBeVisible();
  // Thousands separators, a total per layer, and a share for "Others".
  await expect(table).toContainText(/\d,\d{3}\.\d/);
  await expect(table.getByRole('row', { name: /^Infrastructure Total Infrastructure / })).toHaveCount(1);
  await expect(table.getByRole('row', { name: /Others \(\d+\) [\d,.]+ \d+\.\d%$/ }).first()).toBeVisible();

  await page.keyboard.press('Tab');
  const copy = card.getByRole('button', { name: 'Copy table' });
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(`Copied ${chart.table.rows.length} rows`);
  const pasted = await page.evaluate(() => navigator.clipboard.readText());
  const lines = pasted.split('\r\n');
  expect(lines[0]).toBe('Layer\tCompany\tAttributed revenue (USD millions)\tShare of layer (fraction, 0.25 = 25%)');
  expect(lines).toHaveLength(chart.table.rows.length + 2);
  // The numbers as the CSV has them: unrounded, without separators.
  const [layer, company, value] = chart.table.rows[0]!;
  expect(lines[1]!.startsWith(`${layer}\t${company}\t${value}\t`)).toBe(true);
});

test('the dashboard and a layer page have no accessibility violations', async ({ page }) => {
  await openChart(page, 'layer-pools');
  for (const id of ['stack-mix', 'over-time', 'concentration', 'profit-pool', 'capex-intensity', 'gap']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  }
  await page.locator('#profit-pool [data-chart] .recharts-wrapper').waitFor();
  for (const url of ['/?year=2024', '/layers/chips?year=2024']) {
    if (url !== '/?year=2024') {
      await page.goto(url);
      await page.locator('.recharts-wrapper').first().waitFor();
    }
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      url,
    ).toEqual([]);
  }
});
