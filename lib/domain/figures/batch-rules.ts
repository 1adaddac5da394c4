import { Dec } from '../decimal';
import { currencyKey, figureKey } from './input';
import { METRIC_LABELS, type Kind, type Metric } from './types';

/**
 * The rules a batch of figures must keep before any of it is written, whichever door it came through (the API,
 * the grid, figures.csv): no natural key twice, and one currency per company, fiscal year and metric across the
 * batch and the figures already stored. Plain rows in, issues out; the callers name the rows in their own terms.
 */

/** What the rules read of a figure: its natural key and its currency. */
export interface KeyedFigure {
  companyId: string;
  fiscalYear: number;
  fiscalQuarter: number | null;
  metric: Metric;
  kind: Kind;
  currency: string;
}

/** A figure of the batch, where it sits in it (`figures[3]`, `line 7`) and its company's name. */
export interface IncomingFigure {
  figure: KeyedFigure;
  where: string;
  company: string;
}

/**
 * A broken rule, by the position of the figure in the batch. Messages are fragments, as a CSV issue list shows
 * them (`the same figure as line 6`).
 */
export interface BatchIssue {
  index: number;
  field: 'currency' | null;
  message: string;
}

/** Every repeat of a natural key after its first occurrence. */
export function repeatedFigures(incoming: readonly IncomingFigure[]): BatchIssue[] {
  const first = new Map<string, IncomingFigure>();
  const issues: BatchIssue[] = [];
  incoming.forEach((item, index) => {
    const key = figureKey(item.figure);
    const earlier = first.get(key);
    if (earlier) issues.push({ index, field: null, message: `the same figure as ${earlier.where}` });
    else first.set(key, item);
  });
  return issues;
}

/**
 * Figures of one company, fiscal year and metric share a currency. A stored figure counts unless the batch
 * replaces it (same natural key); within the batch the first figure of a company, year and metric sets it.
 * `stored` may hold any figures of the batch's companies; others are never compared.
 */
export function currencyClashes(incoming: readonly IncomingFigure[], stored: readonly KeyedFigure[]): BatchIssue[] {
  const replaced = new Set(incoming.map((item) => figureKey(item.figure)));
  const currencyOf = new Map<string, { currency: string; where: string }>();
  for (const f of stored)
    if (!replaced.has(figureKey(f))) currencyOf.set(currencyKey(f), { currency: f.currency, where: 'a stored figure' });
  const issues: BatchIssue[] = [];
  incoming.forEach(({ figure: f, where, company }, index) => {
    const other = currencyOf.get(currencyKey(f));
    if (other && other.currency !== f.currency)
      issues.push({
        index,
        field: 'currency',
        message: `${METRIC_LABELS[f.metric]} for FY${f.fiscalYear} of ${company} is in ${other.currency} (${other.where}); one currency per company, year and metric`,
      });
    else currencyOf.set(currencyKey(f), { currency: f.currency, where });
  });
  return issues;
}

/** What a write can change of a figure. */
export interface FigureContent {
  value: string;
  currency: string;
  source: string | null;
  note: string | null;
}

/** Same value (by number), currency, source and note: saving or importing it again changes nothing. */
export function sameContent(stored: FigureContent, f: FigureContent): boolean {
  return (
    new Dec(stored.value).eq(f.value) && stored.currency === f.currency && stored.source === f.source && stored.note === f.note
  );
}

export interface FigurePlan<F, S> {
  creates: F[];
  updates: { before: S; figure: F }[];
  unchanged: S[];
}

/** Sorts a checked batch against the stored rows of the same natural key (`keyOf`): new, changed, or as stored. */
export function planWrites<F extends FigureContent, S extends FigureContent>(
  incoming: readonly F[],
  stored: ReadonlyMap<string, S>,
  keyOf: (row: F) => string,
): FigurePlan<F, S> {
  const plan: FigurePlan<F, S> = { creates: [], updates: [], unchanged: [] };
  for (const figure of incoming) {
    const before = stored.get(keyOf(figure));
    if (!before) plan.creates.push(figure);
    else if (sameContent(before, figure)) plan.unchanged.push(before);
    else plan.updates.push({ before, figure });
  }
  return plan;
}

/** Sorts a checked batch against the stored figures, by natural key: new, changed, or as stored already. */
export function planFigureWrites<F extends KeyedFigure & FigureContent, S extends KeyedFigure & FigureContent>(
  incoming: readonly F[],
  stored: ReadonlyMap<string, S>,
): FigurePlan<F, S> {
  return planWrites(incoming, stored, figureKey);
}
