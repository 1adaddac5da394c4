import type { LayersAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { METRIC_NAMES } from '../domain/figures/types';
import { formatPercent } from '../format';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { layerLabel, layerOf } from '../domain/layers';
import type { NativeChart } from '../export/native-chart';
import { PALETTE } from './palette';

export const HHI_MAX = 10_000;
/** The thresholds drawn on the chart, in the memo's legend. */
export const UNCONCENTRATED = { value: 1_000, colour: PALETTE.reference };
export const HIGHLY_CONCENTRATED = { value: 1_800, colour: PALETTE.highlight };

export interface ConcentrationRow {
  layer: string;
  colour: string;
  hhi: number | null;
  cr3: number | null;
  effectiveCompanies: number | null;
  /** "2,340 · CR3 64%"; null when the layer has no concentration. */
  label: string | null;
}

export type ConcentrationChart = ChartFrame & { rows: ConcentrationRow[]; metric: string };

export const formatHhi = (hhi: number) => Math.round(hhi).toLocaleString('en-US');

/**
 * The band an HHI falls in, by the thresholds the chart draws: above 1,800 highly concentrated (2023 guidelines),
 * below 1,000 unconcentrated, and between them moderately concentrated (as the earlier guidelines named it).
 */
export function hhiBand(hhi: number): string {
  if (hhi > HIGHLY_CONCENTRATED.value) return 'highly concentrated';
  if (hhi < UNCONCENTRATED.value) return 'unconcentrated';
  return 'moderately concentrated';
}

/** Each layer's concentration, Application on top (like the stack). */
function rowsOf(answer: LayersAnswer): ConcentrationRow[] {
  return [...answer.layers].reverse().map((l) => {
    const layer = layerOf(l.key);
    return {
      layer: layerLabel(layer),
      colour: layer.colour,
      hhi: l.hhi,
      cr3: l.cr3,
      effectiveCompanies: l.effectiveCompanies,
      label: l.hhi === null ? null : `${formatHhi(l.hhi)} · CR3 ${formatPercent(l.cr3, 0)}`,
    };
  });
}

/**
 * The bars as PowerPoint's, each in its layer's colour, labelled with the HHI (a native label cannot add the CR3: the
 * data slide has it). A native bar chart draws no threshold lines: the note states them.
 */
function nativeOf(rows: readonly ConcentrationRow[]): NativeChart {
  return {
    kind: 'bars',
    categories: rows.map((r) => r.layer),
    series: { name: 'HHI', values: rows.map((r) => r.hhi) },
    barColours: rows.map((r) => r.colour),
    valueAxis: { title: 'HHI among tracked companies (0–10,000)', format: '#,##0', min: 0, max: HHI_MAX, step: 2_500 },
    valueLabels: '#,##0',
  };
}

/** What to add, or why there is nothing to measure; null when there is something to draw. */
function emptyMessage(answer: LayersAnswer | undefined, metric: string, year: number): string | null {
  if (!answer) return null;
  if (answer.metric === 'operating_income')
    return 'Concentration is measured for revenue and capex only: a share of a loss reads backwards. Switch the metric to revenue or capex.';
  if (answer.coverage.included === 0)
    return `No company has ${metric} for ${year}. Add figures on a company page or import a figures.csv.`;
  if (answer.layers.every((l) => l.hhi === null))
    return `No company has a positive ${metric} in any layer for ${year}. Add figures on a company page or import a figures.csv.`;
  return null;
}

/** Concentration: each layer's HHI among the tracked companies, against the US merger-guideline thresholds. */
export function concentrationChart(answer: LayersAnswer | undefined, filters: ResolvedFilters): ConcentrationChart {
  const metricName = METRIC_NAMES[filters.metric];
  const metric = metricName.toLowerCase();
  const empty = emptyMessage(answer, metric, filters.year);
  const rows = answer ? rowsOf(answer) : [];
  return {
    id: 'concentration',
    title: `${metricName} concentration among tracked companies, ${filters.year}`,
    description: `The Herfindahl–Hirschman index (HHI) of each layer's ${metric} among tracked companies (10,000 is one company holding it all): it measures the tracked universe, not the whole market.`,
    coverage: answer?.coverage,
    estimated: answer?.estimated,
    empty,
    note: empty
      ? undefined
      : `Over the companies with a positive attributed ${metric}. The 2023 US Merger Guidelines call a market above 1,800 highly concentrated; earlier guidelines called one below 1,000 unconcentrated. CR3 is the three largest companies' share; effective companies = 10,000 / HHI.`,
    table: {
      columns: [
        { label: 'Layer', kind: 'text' },
        { label: 'HHI', kind: 'hhi' },
        { label: 'CR3', kind: 'ratio' },
        { label: 'Effective companies', kind: 'decimal' },
      ],
      rows: (answer?.layers ?? []).map((l) => [l.name, l.hhi, l.cr3, l.effectiveCompanies]),
    },
    exportAs: {
      name: {
        chart: 'concentration',
        metric: filters.metric,
        period: String(filters.year),
        basis: filters.basis,
        list: filters.list,
      },
      subtitle: filtersSubtitle(filters, { measure: `${metricName}, HHI among tracked companies`, period: String(filters.year) }),
      legend: [
        { label: 'Below 1,000: unconcentrated (earlier guidelines)', colour: UNCONCENTRATED.colour, mark: 'dashed' },
        { label: 'Above 1,800: highly concentrated (2023 guidelines)', colour: HIGHLY_CONCENTRATED.colour, mark: 'dashed' },
      ],
      ...(answer && !empty && { native: nativeOf(rows) }),
    },
    rows,
    metric,
  };
}
