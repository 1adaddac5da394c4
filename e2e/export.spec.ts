import AxeBuilder from '@axe-core/playwright';
import { strFromU8 } from 'fflate';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { GapAnswer, LayerDetailAnswer, LayersAnswer, ProfitabilityAnswer, SeriesAnswer } from '../lib/analytics/schema';
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
/** The analytics API's parameters for the same filters, as the dashboard asks them (SPEC §7). */
const API_FILTERS = `metric=revenue&basis=calendar&list=${encodeURIComponent(LIST)}&estimates=include`;
const SERIES_SPAN = 'from=2017&to=2024';
const LAYER_LABELS = ['1 Infrastructure', '2 Chips', '3 Data', '4 Models', '5 Execution', '6 Application'];
const SOURCE = 'Source: Stacklens · company filings and analyst estimates';
const AS_OF = / · as of \d{4}-\d{2}-\d{2}$/;
const MEMO_PNG = { width: 3200, height: 1800 };

type Cell = string | number | null;

/** One chart under test: its files' names, what its memo must say, and the rows its CSV must hold per the API. */
interface ChartCase {
  id: string;
  baseName: string;
  legend: string[];
  footer: string;
  header: string[];
  /** The rows the chart plots, as the analytics API answers them for the same filters. */
  expectedRows: (request: APIRequestContext) => Promise<Cell[][]>;
  /** A CSV row read back the same way: text as written, numbers as numbers. */
  readRow: (row: string[]) => Cell[];
}

async function apiAnswer<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response.json() as Promise<T>;
}

const fromFirstYearWithData = <T>(years: T[], hasData: (y: T) => boolean) => years.slice(years.findIndex(hasData));

const CASES: ChartCase[] = [
  {
    id: 'layer-pools',
    baseName: 'stacklens-layer-pools-revenue-2024-calendar',
    legend: [],
    footer: `${SOURCE} · 4 companies (1 missing) · estimates included`,
    header: ['Layer', 'Company', 'Attributed revenue (USD millions)', 'Share of layer (fraction, 0.25 = 25%)'],
    expectedRows: async (request) => {
      const answer = await apiAnswer<LayersAnswer>(request, `/api/v1/analytics/layers?year=2024&${API_FILTERS}`);
      return answer.layers.flatMap((l) => [
        ...l.top.map((t) => [l.name, t.name, t.value, t.share]),
        ...(l.others.count ? [[l.name, `Others (${l.others.count})`, l.others.value, null]] : []),
      ]);
    },
    readRow: ([layer, company, value, share]) => [layer!, company!.replace(/^'/, ''), numberCell(value), numberCell(share)],
  },
  {
    id: 'over-time',
    baseName: 'stacklens-over-time-revenue-2023-2024-calendar',
    legend: LAYER_LABELS,
    footer: `${SOURCE} · 4 companies (1 missing) · estimates included`,
    header: [
      'Year',
      'Layer',
      'Attributed revenue (USD millions)',
      'YoY growth (like-for-like) (fraction, 0.25 = +25%)',
      'Companies included',
      'Companies missing',
    ],
    expectedRows: async (request) => {
      const answer = await apiAnswer<SeriesAnswer>(request, `/api/v1/analytics/series?${SERIES_SPAN}&${API_FILTERS}`);
      return fromFirstYearWithData(answer.years, (y) => y.coverage.included > 0).flatMap((y) =>
        y.layers.map((l, i) => [y.year, LAYER_LABELS[i]!, l.value, l.growth, y.coverage.included, y.coverage.missing.length]),
      );
    },
    readRow: ([year, layer, ...numbers]) => [Number(year), layer!, ...numbers.map(numberCell)],
  },
  {
    id: 'gap',
    baseName: 'stacklens-gap-revenue-2023-2024-calendar',
    legend: ['Required application revenue', 'Application revenue (actual)', 'Gap (required − actual)'],
    footer: `${SOURCE} · Chips in 2024: 2 companies (0 missing), Application in 2024: 1 company (0 missing) · estimates included`,
    header: [
      'Year',
      'Chips revenue (USD millions)',
      'Required application revenue (USD millions)',
      'Application revenue (USD millions)',
      'Gap (USD millions)',
      'Chips companies included',
      'Chips companies missing',
      'Application companies included',
      'Application companies missing',
    ],
    expectedRows: async (request) => {
      const answer = await apiAnswer<GapAnswer>(
        request,
        `/api/v1/analytics/gap?${SERIES_SPAN}&g=0.5&m=0.5&basis=calendar&list=${encodeURIComponent(LIST)}&estimates=include`,
      );
      const hasData = (y: (typeof answer.years)[number]) => y.coverage.chips.included > 0 || y.coverage.application.included > 0;
      return fromFirstYearWithData(answer.years, hasData).map((y) => [
        y.year,
        y.chips,
        y.required,
        y.application,
        y.gap,
        y.coverage.chips.included,
        y.coverage.chips.missing.length,
        y.coverage.application.included,
        y.coverage.application.missing.length,
      ]);
    },
    readRow: (row) => row.map(numberCell),
  },
  {
    id: 'stack-mix',
    baseName: 'stacklens-stack-mix-all-metrics-2024-calendar',
    legend: LAYER_LABELS,
    footer: `${SOURCE} · Revenue: 4 companies (1 missing), Capex: 4 companies (1 missing), Operating income: 4 companies (1 missing) · estimates included`,
    header: ['Metric', 'Layer', 'Pool (USD millions)', 'Share of stack total (as drawn) (fraction, 0.25 = 25%)'],
    expectedRows: async (request) => {
      const answer = await apiAnswer<ProfitabilityAnswer>(
        request,
        `/api/v1/analytics/profitability?year=2024&basis=calendar&list=${encodeURIComponent(LIST)}&estimates=include`,
      );
      const metrics = [
        ['Revenue', 'revenue'],
        ['Capex', 'capex'],
        ['Operating income', 'operatingIncome'],
      ] as const;
      return metrics.flatMap(([name, metric]) => answer.layers.map((l) => [name, l.key, l[metric]]));
    },
    readRow: ([metric, layer, pool]) => [metric!, layer!.toLowerCase(), numberCell(pool)],
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

  for (const chart of CASES) {
    test(`${chart.id}: a 2× PNG, a self-contained SVG with title, legend and source line, and the API's numbers as CSV`, async ({
      page,
      request,
    }, testInfo) => {
      await openDashboard(page);
      const card = page.locator(`#${chart.id}`);
      const title = (await card.getByRole('heading', { level: 2 }).textContent())!;

      const png = await exportFrom(card, 'PNG image (2×)', testInfo);
      expect(png.name).toBe(`${chart.baseName}.png`);
      expectMemoPng(png.bytes, MEMO_PNG);

      const svg = await exportFrom(card, 'SVG vector image', testInfo);
      expect(svg.name).toBe(`${chart.baseName}.svg`);
      const text = svg.bytes.toString('utf8');
      const facts = await svgFacts(page, text);
      expect(facts.parseError).toBeNull();
      expect([facts.width, facts.height, facts.openedWidth]).toEqual(['1600', '900', 1600]);
      expect(facts.texts).toContain(title);
      for (const label of chart.legend) expect(facts.texts).toContain(label);
      // The source line may wrap: its lines, joined, are the footer.
      const footerLines = facts.texts.slice(facts.texts.findIndex((t) => t.startsWith(SOURCE)));
      expect(footerLines.join(' ')).toMatch(AS_OF);
      expect(footerLines.join(' ').replace(AS_OF, '')).toBe(chart.footer);
      expect(facts.references.every((ref) => /^url\(#[\w-]+\)$/.test(ref) || ref.startsWith('#'))).toBe(true);
      expect(facts.foreign).toEqual([]);
      expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
      // It also renders outside a browser, at the same size, and not blank.
      expectMemoPng(renderWithResvg(text), { width: 1600, height: 900 });

      const csv = await exportFrom(card, 'CSV of the plotted numbers', testInfo);
      expect(csv.name).toBe(`${chart.baseName}.csv`);
      const { header, rows } = csvData(csv.bytes.toString('utf8'));
      expect(header).toEqual(chart.header);
      const expected = await chart.expectedRows(request);
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.map(chart.readRow)).toEqual(expected);
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
    expect(png.name).toBe('stacklens-concentration-revenue-2024-calendar-4x.png');
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
    expect(svg.name).toBe('stacklens-profit-pool-operating-margin-2024-calendar.svg');
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

  test('the memo pack: a PPTX with a slide per chart and the data, and a ZIP of PNG, SVG and CSV each', async ({
    page,
  }, testInfo) => {
    await openDashboard(page);
    await page.getByRole('button', { name: 'Memo pack…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Memo pack' });
    const chosen = [
      'Revenue pools by layer, 2024',
      'Revenue pools by layer over time, 2023–2024',
      'Required-revenue gap, 2023–2024 (illustrative)',
    ];
    for (const box of await dialog.getByRole('checkbox').all()) {
      const label = (await box.evaluate((el) => el.parentElement!.textContent ?? '')).trim();
      if (!chosen.includes(label)) await box.uncheck();
    }
    await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(3);

    const pptxDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download PPTX' }).click();
    const pptx = await keep(await pptxDownload, testInfo);
    expect(pptx.name).toBe('stacklens-memo-pack-2024-calendar.pptx');
    const deck = unzip(pptx.bytes);
    expect(deck['[Content_Types].xml']).toBeDefined();
    const slides = Object.keys(deck).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(4);
    expect(strFromU8(deck['ppt/presentation.xml']!).match(/<p:sldId /g)).toHaveLength(4);
    const media = Object.keys(deck).filter((f) => /^ppt\/media\/.+\.png$/.test(f));
    expect(media).toHaveLength(3);
    for (const file of media) expect(pngStats(deck[file]!).variance).toBeGreaterThan(150);
    chosen.forEach((title, i) => {
      const slide = strFromU8(deck[`ppt/slides/slide${i + 1}.xml`]!);
      expect(slide).toContain(title);
      expect(slide).toContain(SOURCE);
      expect(slide).toContain('<p:pic>');
    });
    const data = strFromU8(deck['ppt/slides/slide4.xml']!);
    expect(data).toContain('Data behind the charts');
    expect(data.match(/<a:tbl>/g)).toHaveLength(3);

    const zipDownload = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download ZIP' }).click();
    const zip = await keep(await zipDownload, testInfo);
    expect(zip.name).toBe('stacklens-memo-pack-2024-calendar.zip');
    const files = unzip(zip.bytes);
    const bases = CASES.filter((c) => c.id !== 'stack-mix').map((c) => c.baseName);
    expect(Object.keys(files).sort()).toEqual(bases.flatMap((b) => [`${b}.csv`, `${b}.png`, `${b}.svg`]).sort());
    for (const base of bases) {
      expectMemoPng(files[`${base}.png`]!, MEMO_PNG);
      expect(strFromU8(files[`${base}.svg`]!)).toContain(SOURCE);
      expect(csvData(strFromU8(files[`${base}.csv`]!)).rows.length).toBeGreaterThan(0);
    }
  });

  test('a layer page chart exports its PNG and the API numbers as CSV', async ({ page, request }, testInfo) => {
    await page.goto(`/layers/chips?${FILTERS}`);
    const card = page.locator('#layer-pool');
    await expect(card.locator('[data-chart] .recharts-wrapper')).toBeVisible();

    const png = await exportFrom(card, 'PNG image (2×)', testInfo);
    expect(png.name).toBe('stacklens-layer-chips-pool-revenue-2017-2024-calendar.png');
    expectMemoPng(png.bytes, MEMO_PNG);

    const csv = await exportFrom(card, 'CSV of the plotted numbers', testInfo);
    const answer = await apiAnswer<LayerDetailAnswer>(request, `/api/v1/analytics/layers/chips?year=2024&${API_FILTERS}`);
    expect(csvData(csv.bytes.toString('utf8')).rows.map((row) => row.map(numberCell))).toEqual(
      answer.series.map((p) => [p.year, p.value, p.growth, p.companies, p.missing]),
    );
  });
});
