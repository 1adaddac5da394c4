import { describe, expect, it } from 'vitest';
import { LAYERS, layerLabel, layerTableMismatches } from './layers';

describe('LAYERS', () => {
  it('holds the six layers bottom to top with distinct colours', () => {
    expect(LAYERS.map((l) => l.key)).toEqual(['infrastructure', 'chips', 'data', 'models', 'execution', 'application']);
    expect(LAYERS.map((l) => l.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(LAYERS.map((l) => l.colour)).size).toBe(6);
  });
});

describe('layerTableMismatches', () => {
  const rows = LAYERS.map(({ key, position, name }) => ({ key, position, name }));

  it('is empty when the table matches the constant', () => {
    expect(layerTableMismatches(rows)).toEqual([]);
  });

  it('names a missing, a renamed and an unknown layer', () => {
    const changed = rows.filter((r) => r.key !== 'data').map((r) => (r.key === 'chips' ? { ...r, name: 'Semis' } : r));
    expect(layerTableMismatches([...changed, { key: 'energy', position: 7, name: 'Energy' }])).toEqual([
      'layer "chips" is (2, Semis) in the database but (2, Chips) in code',
      'layer "data" is missing from the layers table',
      'unknown layer "energy" in the layers table',
    ]);
  });
});

describe('layerLabel', () => {
  it('puts the position before the name', () => {
    expect(LAYERS.map(layerLabel)).toEqual(['1 Infrastructure', '2 Chips', '3 Data', '4 Models', '5 Execution', '6 Application']);
    expect(layerLabel({ position: 7, name: 'Energy' })).toBe('7 Energy');
  });
});
