import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { layerCompaniesChart } from './layer-companies';
import { layerColour, PALETTE } from './palette';
import { FILTERS, chipsAnswer } from './test-answers';

const company = (name: string, value: number) => ({
  id: name.toLowerCase(),
  name,
  layerShare: 1,
  value,
  shareOfLayer: value / 1_000,
  growth: null,
  estimated: false,
});
const CHIPS = layerColour('chips');

describe('layerCompaniesChart', () => {
  it('shades the tiles from the layer colour to 40% of it, and leaves out what has no area', () => {
    const chart = layerCompaniesChart(
      chipsAnswer({ companies: [company('Fab', 600), company('Design', 300), company('Tools', 100), company('Loss', -50)] }),
      FILTERS,
      CHIPS,
    );
    expect(chart.tiles.map((t) => [t.name, t.fill, t.text])).toEqual([
      ['Fab', '#56b4e9', PALETTE.text],
      ['Design', '#89cbf0', PALETTE.text],
      ['Tools', '#bbe1f6', PALETTE.text],
    ]);
    expect(chart.note).toBe(
      '1 company has a zero or negative value and is not drawn: only positive values have an area. The table lists every company.',
    );
    expect(chart.exportAs.note).toBe(
      '1 company has a zero or negative value and is not drawn: only positive values have an area.',
    );
    expect(chart.table.rows).toEqual([
      ['Fab', 600, 0.6],
      ['Design', 300, 0.3],
      ['Tools', 100, 0.1],
    ]);
    expect(exportBaseName(chart.exportAs.name)).toBe('stacklens-layer-chips-companies-revenue-2024-calendar-portfolio');
  });

  it('folds the smallest beyond 40 tiles into a grey Others', () => {
    const many = Array.from({ length: 41 }, (_, i) => company(`C${String(i).padStart(2, '0')}`, 100 - i));
    const { tiles, note } = layerCompaniesChart(chipsAnswer({ companies: many }), FILTERS, CHIPS);
    expect(tiles).toHaveLength(40);
    expect([tiles.at(-1)!.name, tiles.at(-1)!.value, tiles.at(-1)!.fill]).toEqual(['Others (2)', 61 + 60, PALETTE.greyed]);
    expect(note).toBe('The 2 smallest companies are folded into “Others”.');
  });

  it('adds the exposure profile of each company to the table when any company used one other than its base', () => {
    const chart = layerCompaniesChart(
      chipsAnswer({
        companies: [{ ...company('Fab', 600), profile: { scope: 'revenue', fromYear: 2023 } }, company('Design', 300)],
      }),
      FILTERS,
      CHIPS,
    );
    expect(chart.table.columns.at(-1)).toEqual({ label: 'Exposure profile', kind: 'text' });
    expect(chart.table.rows).toEqual([
      ['Fab', 600, 0.6, 'Revenue from 2023'],
      ['Design', 300, 0.3, 'Base (all metrics, from the beginning)'],
    ]);
  });
});
