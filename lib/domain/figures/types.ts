/** The metrics a figure can hold (docs/data-contract.md §2). */
export const METRICS = ['revenue', 'capex', 'operating_income'] as const;
export type Metric = (typeof METRICS)[number];

/** Reported figures are recognised numbers; estimates are everything else (run-rates, forecasts). */
export const KINDS = ['reported', 'estimate'] as const;
export type Kind = (typeof KINDS)[number];

/** How a metric reads inside a sentence, e.g. `no operating income for FY2024`. */
export const METRIC_LABELS: Readonly<Record<Metric, string>> = {
  revenue: 'revenue',
  capex: 'capex',
  operating_income: 'operating income',
};

/** How a metric is titled on its own, e.g. a chart axis or a select option. */
export const METRIC_NAMES: Readonly<Record<Metric, string>> = {
  revenue: 'Revenue',
  capex: 'Capex',
  operating_income: 'Operating income',
};

/** `calendar` spreads fiscal years over calendar years (docs/data-contract.md §4); `fiscal` takes each company's fiscal year as is. */
export type Basis = 'calendar' | 'fiscal';

/** One stored figure, reduced to what choosing a number needs. */
export interface FigureValue {
  /** The calendar year in which the fiscal year ends. */
  fiscalYear: number;
  /** null for the full year. */
  fiscalQuarter: 1 | 2 | 3 | 4 | null;
  metric: Metric;
  kind: Kind;
  /** A decimal string in millions of `currency`. */
  value: string;
  /** ISO 4217, upper case. */
  currency: string;
}

export type MissingCode = 'no_figure' | 'no_fx_rate';

/** Why a company has no value: `no_figure` ("no revenue for FY2025") or `no_fx_rate` ("no TWD rate for 2024"). */
export interface Missing {
  code: MissingCode;
  reason: string;
}
