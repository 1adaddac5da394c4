import type { FlowsAnswer } from '../analytics/query';
import type { Coverage } from '../domain/analytics/types';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import type { LabelledCoverage } from '../export/memo-text';
import { filtersSubtitle } from './export-text';

/**
 * What the four charts of "Where the money goes" share (docs/data-contract.md §9): the flows' coverage as the
 * chart frame shows it, the empty state, the subtitle and the note on the basis. Flows are calendar years, so
 * these charts answer on the calendar basis whatever the dashboard's basis filter says.
 */

/** The flows' coverage in the frame's shape: a flow without a USD value is named "payer → payee". */
export function flowsCoverage(answer: FlowsAnswer): Coverage {
  const { included, missing, missingCount } = answer.coverage;
  return {
    included,
    missing: missing.map((m) => ({ id: m.id, name: `${m.payer.name} → ${m.payee.name}`, code: m.code, reason: m.reason })),
    missingCount,
  };
}

/** The exports' coverages: the flows, then the revenue pools they are set against. */
export function flowsCoverages(answer: FlowsAnswer | undefined): LabelledCoverage[] | undefined {
  if (!answer) return undefined;
  return [
    { label: 'Flows', coverage: flowsCoverage(answer), unit: 'flows' },
    { label: 'Revenue pools', coverage: answer.poolCoverage },
  ];
}

/** Nothing to draw: no in-scope flow has a USD value for the year. */
export function flowsEmpty(answer: FlowsAnswer | undefined, year: number): string | null {
  if (!answer || answer.coverage.included > 0) return null;
  const missing = answer.coverage.missingCount;
  return `No flows between tracked companies for ${year} in this set${
    missing ? ` (${missing} without an FX rate for ${year})` : ''
  }. Add flows on the Import / export page (flows.csv) or on a company page (Customers and suppliers).`;
}

/** The filters in words, always on calendar years. */
export function flowsSubtitle(filters: ResolvedFilters, measure: string): string {
  return filtersSubtitle({ ...filters, basis: 'calendar' }, { measure, period: String(filters.year) });
}

/** Said once, above the section: why the basis filter does not apply. */
export function flowsBasisNote(filters: ResolvedFilters): string {
  return filters.basis === 'fiscal'
    ? `Flows are recorded by calendar year, so this section shows calendar ${filters.year} and ignores the fiscal-year basis chosen above; its revenue pools are on calendar years too.`
    : `Flows are recorded by calendar year, so this section always uses calendar years and ignores the basis filter.`;
}

/** The pool P(L) a layer's shares give it; a share of it is null when it is not above 0. */
export const shareOfPool = (value: number, pool: number): number | null => (pool > 0 ? value / pool : null);
