import AxeBuilder from '@axe-core/playwright';
import { strFromU8 } from 'fflate';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { GapAnswer, LayerDetailAnswer, LayersAnswer, ProfitabilityAnswer, SeriesAnswer } from '../lib/analytics/schema';
import type { ChartFrame } from '../lib/charts/frame';
import { gapChart } from '../lib/charts/gap';
import { layerPoolChart } from '../lib/charts/layer-pool';
import { layerPoolsChart } from '../lib/charts/layer-pools';
import { overTimeChart } from '../lib/charts/over-time';
import { stackMixChart } from '../lib/charts/stack-mix';
import { parseDashboardFilters } from '../lib/domain/dashboard/filters';
import { exportBaseName } from '../lib/export/file-name';
import { asOfText } from '../lib/export/memo-text';
import { csvHeader } from '../lib/export/table';
import { chartPartNames, chartSeries } from '../lib/export/test-chart-parts';
import { LAYERS } from '../lib/domain/layers';
import { failOnCspViolations } from './fixtures/csp';
import { E2E_BASE_URL, storageStateFor } from './fixtures/env';
import {
  csvData,
  csvRecords,
  expectMemoPng,
  exportFrom,
  keep,
  numberCell,
  pngStats,
  renderWithResvg,
  svgFacts,
  unzip,
} from './fixtures/export-files';
import { importUniverse } from './fixtures/universe';

/**
 * A known universe on its own list. For 2024 (years end in December, so calendar = fiscal): chips are Export Chips
 * (512.345678) and 60% of Export Fab (333.333333), so shares of the layer are not round; Export Cloud is half
 * infrastructure, half execution; "=Export Apps" (a name a spreadsheet would run as a formula) has an estimated
 * revenue; Export Missing has no figures.
 */
const LIST = 'Export E2E';
const COMPANIES = `name,ticker,country,status,fiscal_year_end_month,lists,infrastructure,chips,data,models,execution,application,outside,currency,website,description
Export Chips,XCH,US,public,12,${LIST},,1,,,,,,USD,,
Export Fab,XFB,TW,public,12,${LIST},0.4,0.6,,,,,,USD,,
Export Cloud,XCL,US,public,12,${LIST},0.5,,,,0.5,,,USD,,
=Export Apps,XAP,GB,private,12,${LIST},,,,,,1,,USD,,
Export Missing,XMI,US,private,12,${LIST},,,,1,,,,USD,,`;
const FIGURES = `company,fiscal_year,fiscal_quarter,metric,kind,value_millions,currency,source,note
Export Chips,2023,,revenue,,400,,,
Export Chips,2024,,revenue,,512.345678,,,
Export Chips,2024,,capex,,50,,,
Export Chips,2024,,operating_income,,200,,,
Export Fab,2023,,revenue,,300,,,
Export Fab,2024,,revenue,,333.333333,,,
Export Fab,2024,,capex,,150,,,
Export Fab,2024,,operating_income,,90,,,
Export Cloud,2023,,revenue,,800,,,
Export Cloud,2024,,revenue,,1000.5,,,
Export Cloud,2024,,capex,,600,,,
Export Cloud,2024,,operating_income,,100,,,
=Export Apps,2023,,revenue,,200,,,
=Export Apps,2024,,revenue,estimate,300.25,,,run-rate
=Export Apps,2024,,capex,,10,,,
=Export Apps,2024,,operating_income,,-30,,,`;

const FILTERS = `year=2024&list=${encodeURIComponent(LIST)}`;
const VIEW = `/?${FILTERS}`;
/** The dashboard's filters for VIEW, as the charts read them. */
const VIEW_FILTERS = { ...parseDashboardFilters(new URLSearchParams(FILTERS)), year: 2024 };
/** The analytics API's parameters for the same filters, as the dashboard asks them (docs/data-contract.md §7). */
const API_FILTERS = `metric=revenue&basis=calendar&list=${encodeURIComponent(LIST)}&estimates=include`;
const SERIES_SPAN = 'from=2017&to=2024';
/** The over-time and gap charts' API answers for the same filters. */
const SERIES_PATH = `/api/v1/analytics/series?${SERIES_SPAN}&${API_FILTERS}`;
const GAP_PATH = `/api/v1/analytics/gap?${SERIES_SPAN}&g=0.5&m=0.5&basis=calendar&list=${encodeURIComponent(LIST)}&estimates=include`;
const SOURCE = 'Source: Stacklens · company filings and analyst estimates';
const MEMO_PNG = { width: 3200, height: 1800 };

type Cell = string | number | null;

/**
 * One chart under test: what its memo's source line must say, and the chart as its mapper describes it from the
 * analytics API's answer for the same filters (file name, legend, CSV header and rows).
 */
interface ChartCase {
  id: string;
  /** Null for a time series, whose footer gives each year's coverage as its mapper words it (`yearCoverage`). */
  footer: string | null;
  expected: (request: APIRequestContext) => Promise<ChartFrame>;
  /** A CSV row read back the same way: text as written, numbers as numbers. */
  readRow: (row: string[]) => Cell[];
}

async function apiAnswer<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.json() as Promise<T>;
}

const CASES: ChartCase[] = [
  {
    id: 'layer-pools',
    footer: `${SOURCE} · 4 companies (1 missing) · estimates included`,
    expected: async (request) =>
      layerPoolsChart(await apiAnswer<LayersAnswer>(request, `/api/v1/analytics/layers?year=2024&${API_FILTERS}`), VIEW_FILTERS),
    readRow: ([layer, company, value, share]) => [layer!, company!.replace(/^'/, ''), numberCell(value), numberCell(share)],
  },
  {
    id: 'over-time',
    footer: null,
    expected: async (request) => overTimeChart(await apiAnswer<SeriesAnswer>(request, SERIES_PATH), VIEW_FILTERS),
    readRow: ([year, layer, ...numbers]) => [Number(year), layer!, ...numbers.map(numberCell)],
  },
  {
    id: 'gap',
    footer: null,
    expected: async (request) => gapChart(await apiAnswer<GapAnswer>(request, GAP_PATH), VIEW_FILTERS),
    readRow: (row) => row.map(numberCell),
  },
  {
    id: 'stack-mix',
    footer: `${SOURCE} · Revenue: 4 companies (1 missing), Capex: 4 companies (1 missing), Operating income: 4 companies (1 missing) · estimates included`,
    expected: async (request) =>
      stackMixChart(
        await apiAnswer<ProfitabilityAnswer>(
          request,
          `/api/v1/analytics/profitability?year=2024&basis=calendar&list=${encodeURIComponent(LIST)}&estimates=include`,
        ),
        VIEW_FILTERS,
      ),
    readRow: ([metric, layer, pool, share]) => [metric!, layer!, numberCell(pool), numberCell(share)],
  },
];

async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openDashboard(page: Page) {
  await page.goto(VIEW);
  await expect(page.locator('#layer-pools [data-chart] .recharts-wrapper')).toBeVisible();
}

test.beforeAll(async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: storageStateFor('analyst') });
  await importUniverse(api, { companies: COMPANIES, figures: FIGURES });
  await api.dispose();
});

test.describe('chart export', () => {
  test.use({ storageState: storageStateFor('viewer') });
  // PNG through a canvas, Copy image, PPTX and ZIP all run under the content security policy.
  failOnCspViolations();

  for (const chart of CASES) {
    test(`${chart.id}: a 2× PNG, a self-contained SVG with title, legend and source line, and the API's numbers as CSV`, async ({
      page,
      request,
    }, testInfo) => {
      await openDashboard(page);
      const card = page.locator(`#${chart.id}`);
      const expected = await chart.expected(request);
      const baseName = exportBaseName(expected.exportAs.name);
      await expect(card.getByRole('heading', { level: 2 })).toHaveText(expected.title);

      const png = await exportFrom(card, 'PNG image (2×)', testInfo);
      expect(png.name).toBe(`${baseName}.png`);
      expectMemoPng(png.bytes, MEMO_PNG);

      const svg = await exportFrom(card, 'SVG vector image', testInfo);
      expect(svg.name).toBe(`${baseName}.svg`);
      const text = svg.bytes.toString('utf8');
      const facts = await svgFacts(page, text);
      expect(facts.parseError).toBeNull();
      expect([facts.width, facts.height, facts.openedWidth]).toEqual(['1600', '900', 1600]);
      expect(facts.texts).toContain(expected.title);
      for (const { label } of expected.exportAs.legend ?? []) expect(facts.texts).toContain(label);
      // The source line may wrap: its lines, joined, are the footer.
      // It ends with the data's as-of: the time of the data version the API's answers carry, not the export's.
      const footerLines = facts.texts.slice(facts.texts.findIndex((t) => t.startsWith(SOURCE)));
      const asOf = (await apiAnswer<LayersAnswer>(request, `/api/v1/analytics/layers?year=2024&${API_FILTERS}`)).asOf;
      expect(footerLines.join(' ')).toBe(
        `${chart.footer ?? `${SOURCE} · ${expected.exportAs.yearCoverage} · estimates included`} · data as of ${asOfText(asOf)}`,
      );
      expect(facts.references.every((ref) => /^url\(#[\w-]+\)$/.test(ref) || ref.startsWith('#'))).toBe(true);
      expect(facts.foreign).toEqual([]);
      expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
      // It also renders outside a browser, at the same size, and not blank.
      expectMemoPng(renderWithResvg(text), { width: 1600, height: 900 });

      const csv = await exportFrom(card, 'CSV of the plotted numbers', testInfo);
      expect(csv.name).toBe(`${baseName}.csv`);
      const { header, rows } = csvData(csv.bytes.toString('utf8'));
      expect(header).toEqual(expected.table.columns.map(csvHeader));
      expect(expected.table.rows.length).toBeGreaterThan(0);
      expect(rows.map(chart.readRow)).toEqual(expected.table.rows);
    });
  }

  test('writes a formula-like company name guarded, numbers as they are, and the missing companies with reasons', async ({
    page,
  }, testInfo) => {
    await openDashboard(page);
    const csv = await exportFrom(page.locator('#layer-pools'), 'CSV of the plotted numbers', testInfo);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(",'=Export Apps,300.25,1\r\n");
    expect(text).toContain(',Export Chips,512.345678,');
    const records = csvRecords(text);
    expect(records).toContainEqual(['Coverage', 'Companies included', 'Companies missing']);
    expect(records).toContainEqual(['Companies', '4', '1']);
    expect(records).toContainEqual(['Export Missing', 'Companies', 'no_figure', 'no revenue for FY2024']);
  });

  test('a 4× PNG of the concentration chart is 6400 × 3600 and says so in its name', async ({ page }, testInfo) => {
    await openDashboard(page);
    const png = await exportFrom(page.locator('#concentration'), 'PNG image, large (4×)', testInfo);
    expect(png.name).toBe('stacklens-concentration-revenue-2024-calendar-export-e2e-4x.png');
    expectMemoPng(png.bytes, { width: 6400, height: 3600 });
  });

  test('the export menu works from the keyboard', async ({ page }, testInfo) => {
    await openDashboard(page);
    const card = page.locator('#profit-pool');
    const button = card.getByRole('button', { name: 'Export' });
    await button.focus();
    await page.keyboard.press('Enter');
    const items = card.getByRole('menuitem');
    await expect(items.first()).toBeFocused();
    await page.keyboard.press('End');
    await expect(items.last()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(card.getByRole('menu')).toBeHidden();
    await expect(button).toBeFocused();

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(2)).toBeFocused();
    const download = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const svg = await keep(await download, testInfo);
    expect(svg.name).toBe('stacklens-profit-pool-operating-margin-2024-calendar-export-e2e.svg');
    await expect(button).toBeFocused();
  });

  test('the open export menu and the memo pack dialog have no WCAG 2.1 AA violations', async ({ page }) => {
    await openDashboard(page);
    const card = page.locator('#over-time');
    await card.getByRole('button', { name: 'Export' }).click();
    await expect(card.getByRole('menu', { name: 'Export' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Memo pack…' }).click();
    await expect(page.getByRole('dialog', { name: 'Memo pack' })).toBeVisible();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  test('Copy image puts the 2× PNG on the clipboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: E2E_BASE_URL });
    await openDashboard(page);
    const card = page.locator('#capex-intensity');
    await card.getByRole('button', { name: 'Export' }).click();
    await card.getByRole('menuitem', { name: 'Copy image' }).click();
    await expect(card.getByRole('status')).toHaveText('Copied the image');
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const bitmap = await createImageBitmap(await item!.getType('image/png'));
      return { types: item!.types, width: bitmap.width, height: bitmap.height };
    });
    expect(copied).toEqual({ types: ['image/png'], width: 3200, height: 1800 });
  });

  test('the memo pack: a PPTX with the summary, a slide per chart and the data, and a ZIP of PNG, SVG and CSV each', async ({
    page,
    request,
  }, testInfo) => {
    await openDashboard(page);
    await expect(page.locator('#summary')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('#summary [data-summary="gap"]')).toBeVisible();
    await page.getByRole('button', { name: 'Memo pack…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Memo pack' });
    // Three charts in page order: layer pools, over time, gap.
    const packed = await Promise.all(CASES.filter((c) => c.id !== 'stack-mix').map((c) => c.expected(request)));
    const chosen = packed.map((chart) => chart.title);
    expect(chosen).toEqual([
      'Revenue pools by layer, 2024',
      'Revenue pools by layer over time, 2023–2024',
      'Required-revenue gap, 2023–2024 (illustrative)',
    ]);
    for (const box of await dialog.getByRole('checkbox').all()) {
      const label = (await box.evaluate((el) => el.parentElement!.textContent ?? '')).trim();
      if (!chosen.includes(label)) await box.uncheck();
    }
    await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(3);

    const pptxDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download PPTX' }).click();
    const pptx = await keep(await pptxDownload, testInfo);
    expect(pptx.name).toBe('stacklens-memo-pack-2024-calendar-export-e2e.pptx');
    const deck = unzip(pptx.bytes);
    expect(deck['[Content_Types].xml']).toBeDefined();
    // The title slide, a slide per chart, then the data: the layer pools' total rows carry it onto a second slide.
    const slides = Object.keys(deck).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(6);
    expect(strFromU8(deck['ppt/presentation.xml']!).match(/<p:sldId /g)).toHaveLength(6);
    // The title slide: the dashboard's summary as the page shows it, under the filters.
    const cover = strFromU8(deck['ppt/slides/slide1.xml']!);
    expect(cover).toContain('Where value accrues in 2024');
    expect(cover).toContain(`Revenue · 2024 · calendar years · list “${LIST}”`);
    const sentences = await page.locator('#summary li').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(cover).toContain(sentence.trim().replace(/'/g, '&apos;'));
    // Editable charts (the default): over time and the gap are PowerPoint's own charts, the layer pools a picture.
    const media = Object.keys(deck).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(1);
    for (const file of media) expect(pngStats(deck[file]!).variance).toBeGreaterThan(150);
    chosen.forEach((title, i) => {
      const slide = strFromU8(deck[`ppt/slides/slide${i + 2}.xml`]!);
      expect(slide).toContain(title);
      expect(slide).toContain(SOURCE);
      expect(slide).toContain(i === 0 ? '<p:pic>' : '<c:chart ');
    });
    // Their series hold the API's numbers: each layer's pool per year, and the gap's three series per year (2023 and
    // 2024 both at or above 80% coverage: a thin year would have kept the chart a picture).
    const parts = chartPartNames(deck);
    expect(parts).toHaveLength(2);
    const [overTimeSeries, gapSeries] = parts.map((name) => chartSeries(strFromU8(deck[name]!)));
    const plotted = <Y extends { year: number }>(years: readonly Y[], value: (year: Y) => number) =>
      Object.fromEntries(years.filter((y) => y.year >= 2023).map((y) => [String(y.year), value(y)]));
    const { years: seriesYears } = await apiAnswer<SeriesAnswer>(request, SERIES_PATH);
    expect(overTimeSeries).toEqual(
      LAYERS.map((layer) => ({
        name: `${layer.position} ${layer.name}`,
        values: plotted(seriesYears, (y) => y.layers.find((l) => l.key === layer.key)!.value),
      })),
    );
    const { years: gapYears } = await apiAnswer<GapAnswer>(request, GAP_PATH);
    expect(gapSeries).toEqual([
      { name: 'Required application revenue', values: plotted(gapYears, (y) => y.required) },
      { name: 'Application revenue (actual)', values: plotted(gapYears, (y) => y.application) },
      { name: 'Gap (required − actual)', values: plotted(gapYears, (y) => y.gap) },
    ]);
    const data = strFromU8(deck['ppt/slides/slide5.xml']!);
    expect(data).toContain('Data behind the charts');
    const continued = strFromU8(deck['ppt/slides/slide6.xml']!);
    // The three tables, over two data slides.
    expect((data.match(/<a:tbl>/g) ?? []).length + (continued.match(/<a:tbl>/g) ?? []).length).toBe(3);
    expect(continued).toContain('Data behind the charts (continued)');

    const zipDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download ZIP' }).click();
    const zip = await keep(await zipDownload, testInfo);
    expect(zip.name).toBe('stacklens-memo-pack-2024-calendar-export-e2e.zip');
    const files = unzip(zip.bytes);
    const bases = packed.map((chart) => exportBaseName(chart.exportAs.name));
    expect(Object.keys(files).sort()).toEqual(bases.flatMap((b) => [`${b}.csv`, `${b}.png`, `${b}.svg`]).sort());
    for (const base of bases) {
      expectMemoPng(files[`${base}.png`]!, MEMO_PNG);
      expect(strFromU8(files[`${base}.svg`]!)).toContain(SOURCE);
      expect(csvData(strFromU8(files[`${base}.csv`]!)).rows.length).toBeGreaterThan(0);
    }

    // Pictures: every chart its picture, no PowerPoint chart.
    await dialog.getByRole('radio', { name: 'Pictures' }).check();
    const picturesDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download PPTX' }).click();
    const pictures = unzip((await keep(await picturesDownload, testInfo)).bytes);
    expect(chartPartNames(pictures)).toEqual([]);
    expect(Object.keys(pictures).filter((f) => /^ppt\/media\/.+\.png$/.test(f))).toHaveLength(3);
  });

  test('a layer page chart exports its PNG and the API numbers as CSV', async ({ page, request }, testInfo) => {
    await page.goto(`/layers/chips?${FILTERS}`);
    const card = page.locator('#layer-pool');
    await expect(card.locator('[data-chart] .recharts-wrapper')).toBeVisible();

    const answer = await apiAnswer<LayerDetailAnswer>(request, `/api/v1/analytics/layers/chips?year=2024&${API_FILTERS}`);
    const expected = layerPoolChart(answer, VIEW_FILTERS);

    const png = await exportFrom(card, 'PNG image (2×)', testInfo);
    expect(png.name).toBe(`${exportBaseName(expected.exportAs.name)}.png`);
    // The years before the layer's first figure (2023) are left out, as on the dashboard.
    expect(png.name).toBe('stacklens-layer-chips-pool-revenue-2023-2024-calendar-export-e2e.png');
    expectMemoPng(png.bytes, MEMO_PNG);

    const csv = await exportFrom(card, 'CSV of the plotted numbers', testInfo);
    expect(csvData(csv.bytes.toString('utf8')).rows.map((row) => row.map(numberCell))).toEqual(expected.table.rows);
  });
});
