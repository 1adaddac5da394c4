import { LAYERS, layerOf, type LayerKey } from '../layers';
import type { FlowsAggregate } from './flows';

/**
 * One layer's customers and suppliers (docs/data-contract.md §9) for a layer page: the column of the flows matrix
 * that pays into the layer (by payer layer) and the row it pays out of (by payee layer), the layer's own numbers
 * (pool, inflow, external, outflow, retained), and its largest payers and payees from the database.
 */

/** A company's in-scope flows on one side of a layer, summed: USD millions and how many flows. */
export interface PartyTotal {
  id: string;
  name: string;
  value: number;
  flows: number;
}

/** A flow of the layer with no USD value (no rate for its currency in the year). */
export interface LayerMissingFlow {
  payer: string;
  payee: string;
  reason: string;
}

/** What the database sums for one side of a layer: the largest companies, and the side's totals. */
export interface LayerSideSums {
  /** Σ USD of the side's in-scope flows with a value. */
  total: number;
  flows: number;
  /** The companies on the other end, largest first (ties by name), the first few. */
  top: PartyTotal[];
  /** How many companies the side has in all. */
  parties: number;
  missing: LayerMissingFlow[];
  missingCount: number;
}

export interface LayerSide extends LayerSideSums {
  /** The matrix cells of the side, in stack order of the other layer. */
  byLayer: { layer: LayerKey; name: string; value: number; flows: number }[];
}

export interface LayerFlows {
  key: LayerKey;
  name: string;
  /** The layer's numbers from the flows aggregate (pool, inflow, outflow, external, retained, inconsistent). */
  layer: FlowsAggregate['layers'][number];
  estimated: boolean;
  /** Flows into the layer: who pays it. */
  customers: LayerSide;
  /** Flows out of the layer: whom it pays. */
  suppliers: LayerSide;
}

export function layerFlows(
  aggregate: Pick<FlowsAggregate, 'matrix' | 'layers' | 'estimated'>,
  sums: { customers: LayerSideSums; suppliers: LayerSideSums },
  key: LayerKey,
): LayerFlows {
  const layer = aggregate.layers.find((l) => l.key === key);
  if (!layer) throw new RangeError(`unknown layer ${key}`);
  const position = (k: LayerKey) => layerOf(k).position;
  const cells = (side: 'from' | 'to', other: 'from' | 'to') =>
    aggregate.matrix
      .filter((m) => m[side] === key)
      .sort((a, b) => position(a[other]) - position(b[other]))
      .map((m) => ({ layer: m[other], name: layerOf(m[other]).name, value: m.value, flows: m.flows }));
  return {
    key,
    name: LAYERS.find((l) => l.key === key)!.name,
    layer,
    estimated: aggregate.estimated,
    customers: { byLayer: cells('to', 'from'), ...sums.customers },
    suppliers: { byLayer: cells('from', 'to'), ...sums.suppliers },
  };
}
