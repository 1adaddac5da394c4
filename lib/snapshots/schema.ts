import { z } from 'zod';
import type { FlowsAnswer, GapAnswer, LayersAnswer, ProfitabilityAnswer, SeriesAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import type { LayerKey } from '../domain/layers';
import { viewCharts, viewName, viewSearch } from '../views/schema';

/** Freeze the dashboard of `search` (a view's filters) under a name; its year, when absent, is settled as the page does. */
export const freezeSnapshotSchema = z.object({
  name: viewName,
  search: viewSearch.default(''),
  charts: viewCharts.default(null),
});
export type FreezeSnapshotInput = z.output<typeof freezeSnapshotSchema>;

/** Every answer the dashboard's charts draw, as the API gave them (docs/data-contract.md §7). */
export interface SnapshotAnswers {
  layers: LayersAnswer;
  series: SeriesAnswer;
  profitability: ProfitabilityAnswer;
  gap: GapAnswer;
  flows: FlowsAnswer;
}

export interface SnapshotSummary {
  id: string;
  name: string;
  createdBy: string;
  createdAt: string;
  search: string;
  filters: ResolvedFilters;
  charts: string[] | null;
  /** The time of the data version the answers were computed at. */
  asOf: string;
}

export type Snapshot = SnapshotSummary & { answers: SnapshotAnswers };

export const COMPARED_METRICS = ['revenue', 'capex', 'operatingIncome'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/** One layer's pool of one metric: in the snapshot, now, and now minus then (USD millions). */
export interface ComparedValue {
  then: number;
  now: number;
  change: number;
}

/** A data change recorded after the snapshot's as-of, as the audit log describes it. */
export interface ChangeSince {
  at: string;
  actor: string;
  action: string;
  subject: string;
  changes: string[];
}

export interface SnapshotComparison {
  snapshot: SnapshotSummary;
  /** The data version today's numbers were computed at. */
  asOf: string;
  layers: { key: LayerKey; metrics: Record<ComparedMetric, ComparedValue> }[];
  /** The newest CHANGES_LISTED data changes since the snapshot's as-of, and how many there are in all. */
  changes: ChangeSince[];
  changesCount: number;
}
