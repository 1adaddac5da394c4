import { formatDecimal } from '../../format';
import { METRIC_NAMES, type Kind, type Metric } from './types';

/** The parts of a figure snapshot that a history line shows. */
export interface FigureSnapshotText {
  fiscalYear: number;
  fiscalQuarter: number | null;
  metric: Metric;
  kind: Kind;
  value: string;
  currency: string;
  source?: string | null;
  note?: string | null;
}

/** "Revenue, reported, FY2024 Q1" */
export function figureLabel(f: Pick<FigureSnapshotText, 'fiscalYear' | 'fiscalQuarter' | 'metric' | 'kind'>): string {
  return `${METRIC_NAMES[f.metric]}, ${f.kind}, FY${f.fiscalYear}${f.fiscalQuarter ? ` Q${f.fiscalQuarter}` : ''}`;
}

export function figureAmount(f: Pick<FigureSnapshotText, 'value' | 'currency'>): string {
  return `${formatDecimal(f.value)} ${f.currency}m`;
}

/** The changes one history event made, as short lines: "value 100 EURm → 120.5 EURm", "source — → 10-K p. 4". */
export function describeFigureChange(
  action: string,
  before: FigureSnapshotText | null,
  after: FigureSnapshotText | null,
): string[] {
  if (action === 'figure.delete' && before) return [`deleted (was ${figureAmount(before)})`];
  if (action === 'figure.restore' && after) return [`restored at ${figureAmount(after)}`];
  if (!before && after) return [`entered ${figureAmount(after)}${after.source ? ` · source: ${after.source}` : ''}`];
  if (!before || !after) return [action];
  const lines: string[] = [];
  if (before.value !== after.value || before.currency !== after.currency)
    lines.push(`value ${figureAmount(before)} → ${figureAmount(after)}`);
  if ((before.source ?? null) !== (after.source ?? null)) lines.push(`source ${before.source ?? '—'} → ${after.source ?? '—'}`);
  if ((before.note ?? null) !== (after.note ?? null)) lines.push(`note ${before.note ?? '—'} → ${after.note ?? '—'}`);
  return lines.length > 0 ? lines : ['no change'];
}
