import { describe, expect, it } from 'vitest';
import { treemapTiles, type TileInput } from './treemap-tiles';

const company = (id: string, value: number, shareOfLayer: number | null = null): TileInput => ({
  id,
  name: id,
  value,
  shareOfLayer,
});

describe('treemapTiles', () => {
  it('draws only positive values, largest first, and counts the others', () => {
    const { tiles, notDrawn } = treemapTiles(
      [company('loss', -300), company('a', 100), company('zero', 0), company('b', 200)],
      40,
    );
    expect(tiles.map((t) => [t.id, t.value, t.count])).toEqual([
      ['b', 200, 1],
      ['a', 100, 1],
    ]);
    expect(notDrawn).toBe(2);
  });

  it('folds the tail beyond the limit into one Others tile, summed exactly', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floats.
    const { tiles } = treemapTiles([company('a', 0.7, 0.7), company('b', 0.1, 0.1), company('c', 0.2, 0.2)], 2);
    expect(tiles).toEqual([
      { id: 'a', name: 'a', value: 0.7, shareOfLayer: 0.7, count: 1 },
      { id: null, name: 'Others (2)', value: 0.3, shareOfLayer: 0.3, count: 2 },
    ]);
    expect(treemapTiles([company('a', 3), company('b', 2), company('c', 1)], 3).tiles).toHaveLength(3);
  });
});
