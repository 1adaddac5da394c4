import type { PngScale } from './memo-size';
import { DEFAULT_PNG_SCALE } from './memo-size';

/** What a chart's files are named after: `stacklens-<chart>-<metric>-<period>-<basis>[-<list>][-<assumptions>]`. */
export interface ExportName {
  /** The chart: "layer-pools", "layer-chips-companies". */
  chart: string;
  /** What it measures: the metric, or e.g. "capex-intensity" for a chart of its own measure. */
  metric: string;
  /** "2024", or "2017–2024" for a chart over years. */
  period: string;
  basis: 'calendar' | 'fiscal';
  /** The list the chart is limited to, if any. */
  list?: string;
  /** A model's assumptions, as short as a file name wants them: the gap's ["g0.5", "m0.5"]. */
  assumptions?: readonly string[];
}

/** Lower case ASCII words joined by hyphens: "Operating income", "2017–2024" → "operating-income", "2017-2024". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** An assumption keeps its decimal point ("g0.5"); anything else but letters and digits becomes a hyphen. */
const assumptionSlug = (text: string) => text.toLowerCase().replace(/[^a-z0-9.]+/g, '-');

export function exportBaseName({ chart, metric, period, basis, list, assumptions = [] }: ExportName): string {
  return [
    ...['stacklens', chart, metric, period, basis, list ?? ''].map(slug).filter(Boolean),
    ...assumptions.map(assumptionSlug),
  ].join('-');
}

/** `stacklens-layer-pools-revenue-2024-calendar.png`; a 4× PNG says so, so it never overwrites the 2× one. */
export function exportFileName(name: ExportName, type: 'svg' | 'csv' | { png: PngScale }): string {
  if (typeof type === 'string') return `${exportBaseName(name)}.${type}`;
  return `${exportBaseName(name)}${type.png === DEFAULT_PNG_SCALE ? '' : `-${type.png}x`}.png`;
}

/** The memo pack of the dashboard's charts: `stacklens-memo-pack-2024-calendar[-<list>].pptx`. */
export function packFileName(
  { year, basis, list }: { year: number; basis: 'calendar' | 'fiscal'; list?: string },
  type: 'pptx' | 'zip',
): string {
  return `${['stacklens-memo-pack', String(year), basis, list ? slug(list) : ''].filter(Boolean).join('-')}.${type}`;
}
