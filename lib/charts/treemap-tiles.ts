import { Dec } from '../domain/decimal';

export interface TileInput {
  id: string;
  name: string;
  value: number;
  shareOfLayer: number | null;
}

export type Tile = Omit<TileInput, 'id'> & {
  /** null for the folded tail. */
  id: string | null;
  /** How many companies the tile stands for: 1, or the size of the tail. */
  count: number;
};

/**
 * The tiles of a treemap of one layer: only positive values have an area, so zero and negative ones are left out
 * (and counted); beyond `max` tiles the smallest are folded into one "Others" tile, so the chart never draws hundreds
 * of marks. The tail is summed in decimals, not floats.
 */
export function treemapTiles(companies: readonly TileInput[], max: number): { tiles: Tile[]; notDrawn: number } {
  const positive = companies.filter((c) => c.value > 0).sort((a, b) => b.value - a.value);
  const notDrawn = companies.length - positive.length;
  if (positive.length <= max) return { tiles: positive.map((c) => ({ ...c, count: 1 })), notDrawn };
  const kept = positive.slice(0, max - 1);
  const tail = positive.slice(max - 1);
  const others: Tile = {
    id: null,
    name: `Others (${tail.length})`,
    value: exactSum(tail.map((c) => c.value)),
    shareOfLayer: tail.every((c) => c.shareOfLayer !== null) ? exactSum(tail.map((c) => c.shareOfLayer!)) : null,
    count: tail.length,
  };
  return { tiles: [...kept.map((c) => ({ ...c, count: 1 })), others], notDrawn };
}

const exactSum = (values: readonly number[]) => values.reduce((total, v) => total.plus(String(v)), new Dec(0)).toNumber();
