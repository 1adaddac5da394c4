import { canonicalDecimal, Dec } from '../decimal';
import { METRIC_LABELS, type FigureValue, type Kind, type Metric, type Missing } from './types';

export type ChooseOptions = { estimates: 'include' | 'exclude' };

/** The chosen value, and the stored figures it was made from (one full year, or the four quarters in order). */
export type FiscalValueResult<F extends FigureValue = FigureValue> =
  | { ok: true; value: string; currency: string; estimated: boolean; from: 'reported' | 'estimate' | 'quarters'; used: F[] }
  | { ok: false; missing: Missing };

type Quarter = 1 | 2 | 3 | 4;
type FourQuarters<F> = readonly [F, F, F, F];

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/**
 * The value of one metric for one fiscal year of one company (docs/data-contract.md §3): the reported full-year figure, else the
 * estimate full-year figure, else the sum of the four quarters (each reported before estimate) when all four
 * exist, else missing. `figures` may hold other years and metrics; they are ignored. The value is a canonical
 * exact decimal in millions, and `estimated` says whether it is or includes an estimate.
 *
 * With `estimates: 'exclude'` no estimate may enter the value: the reported full year, else the four quarters
 * when every one is reported (even when an estimate full year exists, which `include` would pick), else missing
 * ("only estimates of revenue for FY2025" when `include` would have found an estimated value).
 *
 * Currency: docs/data-contract.md §2 refuses a figure whose currency differs from the other figures of the same company, fiscal
 * year and metric, so this assumes one currency and takes the chosen figure's (Q1's for a sum of quarters).
 * The natural key is unique, so each (quarter, kind) appears at most once; were it not, the first one would win.
 */
export function chooseFiscalValue<F extends FigureValue>(
  figures: readonly F[],
  fiscalYear: number,
  metric: Metric,
  options: ChooseOptions,
): FiscalValueResult<F> {
  const ofYear = figures.filter((f) => f.fiscalYear === fiscalYear && f.metric === metric);
  const find = (quarter: Quarter | null, kind: Kind) => ofYear.find((f) => f.fiscalQuarter === quarter && f.kind === kind);
  const subject = `${METRIC_LABELS[metric]} for FY${fiscalYear}`;

  const chosen = chooseIncludingEstimates(find, subject);
  if (options.estimates === 'include' || !chosen.ok || !chosen.estimated) return chosen;

  const reportedQuarters = allFour(QUARTERS.map((q) => find(q, 'reported')));
  if (reportedQuarters) return sumOfQuarters(reportedQuarters);
  return { ok: false, missing: { code: 'no_figure', reason: `only estimates of ${subject}` } };
}

/** docs/data-contract.md §3 steps 1–4, estimates allowed. */
function chooseIncludingEstimates<F extends FigureValue>(
  find: (quarter: Quarter | null, kind: Kind) => F | undefined,
  subject: string,
): FiscalValueResult<F> {
  const reportedYear = find(null, 'reported');
  if (reportedYear) return fullYear(reportedYear, 'reported');
  const estimateYear = find(null, 'estimate');
  if (estimateYear) return fullYear(estimateYear, 'estimate');

  const quarters = QUARTERS.map((q) => find(q, 'reported') ?? find(q, 'estimate'));
  const four = allFour(quarters);
  if (four) return sumOfQuarters(four);

  const present = QUARTERS.filter((_, i) => quarters[i] !== undefined);
  const detail = present.length > 0 ? ` (only ${present.map((q) => `Q${q}`).join(', ')} of 4 quarters)` : '';
  return { ok: false, missing: { code: 'no_figure', reason: `no ${subject}${detail}` } };
}

function fullYear<F extends FigureValue>(figure: F, from: 'reported' | 'estimate'): FiscalValueResult<F> {
  return {
    ok: true,
    value: canonicalDecimal(figure.value),
    currency: figure.currency,
    estimated: from === 'estimate',
    from,
    used: [figure],
  };
}

function allFour<F>(quarters: readonly (F | undefined)[]): FourQuarters<F> | null {
  const [q1, q2, q3, q4] = quarters;
  return q1 && q2 && q3 && q4 ? [q1, q2, q3, q4] : null;
}

function sumOfQuarters<F extends FigureValue>(quarters: FourQuarters<F>): FiscalValueResult<F> {
  const sum = quarters.reduce((total, q) => total.plus(q.value), new Dec(0));
  return {
    ok: true,
    value: canonicalDecimal(sum),
    currency: quarters[0].currency,
    estimated: quarters.some((q) => q.kind === 'estimate'),
    from: 'quarters',
    used: [...quarters],
  };
}
