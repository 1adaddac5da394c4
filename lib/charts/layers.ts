import { LAYERS, type Layer, type LayerKey } from '../domain/layers';
import type { LegendEntry } from '../export/memo-svg';

export const layerOf = (key: LayerKey): Layer => LAYERS.find((l) => l.key === key)!;

/** "6 Application": position first, so the stack order reads in every chart. */
export const layerLabel = (layer: Pick<Layer, 'position' | 'name'>) => `${layer.position} ${layer.name}`;

/** The six layers in stack order, named as the charts' legends name them. */
export const LAYER_LEGEND: readonly LegendEntry[] = LAYERS.map((layer) => ({ label: layerLabel(layer), colour: layer.colour }));
