import { LAYERS, layerLabel } from '../domain/layers';
import type { LegendEntry } from '../export/memo-svg';

/** The six layers in stack order, named as the charts' legends name them. */
export const LAYER_LEGEND: readonly LegendEntry[] = LAYERS.map((layer) => ({ label: layerLabel(layer), colour: layer.colour }));
