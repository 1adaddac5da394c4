import type { LayerKey } from '../domain/layers';
import { LAYERS } from '../domain/layers';
import { layerLabel } from '../domain/layers';
import { PALETTE } from './palette';

/** A company's shares as its page has them: exact decimal strings, 0.25 = 25%. */
export interface ExposureInput {
  exposures: readonly { layer: LayerKey; share: string }[];
  outside: string;
}

export interface ExposureRow {
  name: string;
  /** Percent, 0–100. */
  value: number;
  colour: string;
}

/** One company's exposure: its share of business in each layer, application on top, and the part outside. */
export function exposureRows(company: ExposureInput): ExposureRow[] {
  const share = new Map(company.exposures.map((e) => [e.layer, Number(e.share) * 100]));
  return [
    ...[...LAYERS].reverse().map((l) => ({ name: layerLabel(l), value: share.get(l.key) ?? 0, colour: l.colour })),
    { name: 'Outside the AI stack', value: Number(company.outside) * 100, colour: PALETTE.outside },
  ];
}

/** A bar's label: the percent to two decimals at most, none for an empty bar. */
export const exposureLabel = (percent: number) => (percent > 0 ? `${Number(percent.toFixed(2))}%` : '');
