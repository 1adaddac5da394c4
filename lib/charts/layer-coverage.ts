import { isThinCoverage } from '../domain/analytics/coverage';
import type { Coverage } from '../domain/analytics/types';
import type { LegendEntry } from '../export/memo-svg';
import { PALETTE } from './palette';

/** The memo's legend entry for a greyed layer (the layer pools chart greys the same way). */
export const GREYED_LAYER_LEGEND: LegendEntry = {
  label: 'Layer with under 80% of its companies covered',
  colour: PALETTE.greyed,
};

/** A layer's ratio is too partial to compare: under 80% of the layer's companies have both its metrics. */
export const isThinLayer = (coverage: Coverage) => isThinCoverage(coverage.included, coverage.missingCount);

/**
 * "Anthropic, OpenAI, Adobe and 6 more": the first `shown` missing companies, those `first` picks ahead of the rest
 * (each group by name), then how many others.
 */
export function missingNames(
  { missing, missingCount }: Coverage,
  shown = 3,
  first: (id: string) => boolean = () => false,
): string {
  const ordered = [...missing.filter((m) => first(m.id)), ...missing.filter((m) => !first(m.id))];
  const names = ordered.slice(0, shown).map((m) => m.name);
  const more = missingCount - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The note's sentence for the greyed layers of a per-layer ratio chart: each with how many of its companies have
 * `both` and who is missing, e.g. "Greyed, under 80% of the layer's companies having revenue and operating income:
 * Models, 4 of 13 (missing Anthropic, OpenAI, Adobe and 6 more)." The companies that reported revenue are named
 * first (`reportedRevenue`): their revenue is in the stack but the ratio leaves them out, which is what a reader
 * would not guess. Null when no layer is greyed.
 */
export function thinLayersNote(
  layers: readonly { label: string; coverage: Coverage }[],
  both: string,
  reportedRevenue: (id: string) => boolean = () => false,
): string | null {
  const thin = layers.filter((l) => isThinLayer(l.coverage));
  if (thin.length === 0) return null;
  const parts = thin.map(
    ({ label, coverage }) =>
      `${label}, ${coverage.included} of ${coverage.included + coverage.missingCount} (missing ${missingNames(coverage, 3, reportedRevenue)})`,
  );
  return `Greyed, under 80% of the layer's companies having ${both}: ${parts.join('; ')}.`;
}

/**
 * Whether a company of the set has revenue that year, from the answer's revenue coverage; none counts as reporting
 * when that coverage lists only some of its missing companies.
 */
export function reportedRevenueIn(revenue: Coverage): (id: string) => boolean {
  if (revenue.missing.length < revenue.missingCount) return () => false;
  const missing = new Set(revenue.missing.map((m) => m.id));
  return (id) => !missing.has(id);
}
