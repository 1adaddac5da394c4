import { isThinCoverage } from '../domain/analytics/coverage';
import type { Coverage } from '../domain/analytics/types';
import type { LegendEntry } from '../export/memo-svg';
import { PALETTE } from './palette';

/** The memo's legend entry for a greyed layer (the layer pools chart greys the same way). */
export const GREYED_LAYER_LEGEND: LegendEntry = { label: 'Layer with under 80% of its companies covered', colour: PALETTE.greyed };

/** A layer's ratio is too partial to compare: under 80% of the layer's companies have both its metrics. */
export const isThinLayer = (coverage: Coverage) => isThinCoverage(coverage.included, coverage.missingCount);

/** "OpenAI, Anthropic, Mistral AI and 6 more": the first `shown` missing companies by name, then how many others. */
export function missingNames({ missing, missingCount }: Coverage, shown = 3): string {
  const names = missing.slice(0, shown).map((m) => m.name);
  const more = missingCount - names.length;
  if (more > 0) return `${names.join(', ')} and ${more} more`;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The note's sentence for the greyed layers of a per-layer ratio chart: each with how many of its companies have
 * `both` and who is missing, e.g. "Greyed, under 80% of the layer's companies having revenue and operating income:
 * Models, 4 of 13 (missing Anthropic, Mistral AI, OpenAI and 6 more)." Null when no layer is greyed.
 */
export function thinLayersNote(layers: readonly { label: string; coverage: Coverage }[], both: string): string | null {
  const thin = layers.filter((l) => isThinLayer(l.coverage));
  if (thin.length === 0) return null;
  const parts = thin.map(
    ({ label, coverage }) =>
      `${label}, ${coverage.included} of ${coverage.included + coverage.missingCount} (missing ${missingNames(coverage)})`,
  );
  return `Greyed, under 80% of the layer's companies having ${both}: ${parts.join('; ')}.`;
}
