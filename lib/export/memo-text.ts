import type { Coverage } from '../domain/analytics/types';
import { formatCount } from '../format';

/** One set of companies behind a chart; a chart with several inputs (the gap's chips and application) names each. */
export interface LabelledCoverage {
  /** "Chips", "Application"; null for a chart's single set. */
  label: string | null;
  coverage: Coverage;
  /** What `coverage` counts: companies (the default), or value flows (docs/data-contract.md §9). */
  unit?: 'companies' | 'flows';
}

/** The filters a chart answers, as the subtitle states them. */
export interface SubtitleFilters {
  /** What is plotted: "Revenue", "Revenue, capex and operating income". */
  measure: string;
  /** "2024", or "2017–2024". */
  period: string;
  basis: 'calendar' | 'fiscal';
  list?: string;
  status?: 'public' | 'private';
  /** The country's name. */
  country?: string;
  estimates: 'include' | 'exclude';
  /** A model's assumptions, e.g. the gap's "g = 0.5". */
  assumptions?: readonly string[];
}

export const SOURCE_LINE = 'Source: Stacklens · company filings and analyst estimates';

/** "Revenue · 2024 · calendar years · list “Portfolio” · g = 0.5 · m = 0.5" */
export function memoSubtitle(f: SubtitleFilters): string {
  return [
    f.measure,
    f.period,
    f.basis === 'calendar' ? 'calendar years' : 'fiscal years',
    f.list ? `list “${f.list}”` : 'all companies',
    f.status && `${f.status} companies`,
    f.country,
    f.estimates === 'exclude' && 'reported figures only',
    ...(f.assumptions ?? []),
  ]
    .filter(Boolean)
    .join(' · ');
}

const counted = (count: number, unit: LabelledCoverage['unit']) =>
  unit === 'flows' ? formatCount(count, 'flow') : formatCount(count, 'company', 'companies');

/** "3 companies (1 missing)", "Chips: 3 companies (1 missing)", or "Flows: 28 flows (1 missing)". */
export function coverageText({ label, coverage, unit }: LabelledCoverage): string {
  const text = `${counted(coverage.included, unit)} (${coverage.missingCount} missing)`;
  return label ? `${label}: ${text}` : text;
}

/** Where an export's numbers come from: the data's as-of and, when exported from a snapshot, which one. */
export interface ExportProvenance {
  /** When the data the answer comes from was last written (ISO 8601): the answer's `asOf`; null before one is in. */
  asOf: string | null;
  /** The snapshot the chart was exported from, in words: "snapshot “Q3 IC memo”, frozen 2026-11-30". */
  snapshot?: string;
  /** The firm's name, which ends the footer when an admin has set it. */
  firm?: string | null;
}

/** A moment as a memo prints it, in UTC so every reader sees the same: "2026-11-30 14:05 UTC". */
export function asOfText(moment: string | Date): string {
  const iso = (typeof moment === 'string' ? new Date(moment) : moment).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * `Source: Stacklens · company filings and analyst estimates · 3 companies (1 missing) · estimates included · data as of
 * 2026-01-31 14:05 UTC · Acme Capital`, with the snapshot named before the as-of when there is one and the firm's
 * name last when an admin has set it; a time series states each year's coverage instead (`yearCoverage`), since
 * one year's would misdescribe the others.
 */
export function memoFooter({
  coverages,
  yearCoverage,
  estimated,
  provenance,
}: {
  coverages: readonly LabelledCoverage[];
  yearCoverage?: string;
  estimated: boolean;
  provenance: ExportProvenance;
}): string {
  const coverage = yearCoverage ?? coverages.map(coverageText).join(', ');
  return [
    SOURCE_LINE,
    coverage,
    estimated && 'estimates included',
    provenance.snapshot,
    provenance.asOf && `data as of ${asOfText(provenance.asOf)}`,
    provenance.firm,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The UTC date of a moment, YYYY-MM-DD, so every reader of a memo sees the same date. */
export const isoDate = (moment: Date) => moment.toISOString().slice(0, 10);
