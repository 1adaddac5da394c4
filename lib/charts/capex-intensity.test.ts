import { describe, expect, it } from 'vitest';
import { exportBaseName } from '../export/file-name';
import { capexIntensityChart } from './capex-intensity';
import { layerColour, PALETTE } from './palette';
import { FILTERS, coverage, profitabilityAnswer } from './test-answers';

const ANSWER = profitabilityAnswer(
  { infrastructure: { capexIntensity: 0.6 }, chips: { capexIntensity: 0.1 } },
  {
    coverage: {
      ...profitabilityAnswer({}).coverage,
      capex: coverage(2, ['Fab'], 'capex'),
      revenueAndCapex: coverage(2, ['Fab'], 'capex'),
    },
  },
);

describe('capexIntensityChart', () => {
  it('draws each layer application on top, on round percentage ticks past the largest', () => {
    const chart = capexIntensityChart(ANSWER, FILTERS);
    expect(chart.rows.map((r) => [r.layer, r.intensity])).toEqual([
      ['6 Application', null],
      ['5 Execution', null],
      ['4 Models', null],
      ['3 Data', null],
      ['2 Chips', 0.1],
      ['1 Infrastructure', 0.6],
    ]);
    expect([chart.ticks, chart.digits]).toEqual([[0, 0.25, 0.5, 0.75], 0]);
    expect(capexIntensityChart(profitabilityAnswer({ chips: { capexIntensity: 0.004 } }), FILTERS).digits).toBe(1);
  });

  it('tables the ratio in stack order, over the companies with both figures', () => {
    const chart = capexIntensityChart(ANSWER, FILTERS);
    expect(chart.table.rows.slice(0, 3)).toEqual([
      ['Infrastructure', 0.6],
      ['Chips', 0.1],
      ['Data', null],
    ]);
    expect(chart.coverage).toBe(ANSWER.coverage.revenueAndCapex);
    expect(exportBaseName(chart.exportAs.name)).toBe('stacklens-capex-intensity-capex-revenue-2024-calendar-portfolio');
    expect(capexIntensityChart(profitabilityAnswer({}), FILTERS).empty).toBe(
      'No company has capex and revenue for 2024. Add capex figures on a company page or import a figures.csv.',
    );
  });
});

describe('capexIntensityChart native chart', () => {
  it('is PowerPoint’s bars of each layer’s intensity on the card’s ticks, a thin layer grey as on the card', () => {
    const thin = { revenueAndCapex: coverage(1, ['Fab', 'Memory'], 'capex'), revenueAndOperatingIncome: coverage(3) };
    const answer = profitabilityAnswer({
      infrastructure: { capexIntensity: 0.6, coverage: { ...thin, revenueAndCapex: coverage(2) } },
      chips: { capexIntensity: 0.1, coverage: thin },
    });
    const native = capexIntensityChart(answer, FILTERS).exportAs.native;
    if (native?.kind !== 'bars') throw new Error(`expected bars, got ${native?.kind}`);
    expect(native.categories).toEqual(['6 Application', '5 Execution', '4 Models', '3 Data', '2 Chips', '1 Infrastructure']);
    expect(native.series.values).toEqual([null, null, null, null, 0.1, 0.6]);
    expect(native.barColours.slice(-2)).toEqual([PALETTE.greyed, layerColour('infrastructure')]);
    expect(native.valueAxis).toEqual({ title: 'Capex / revenue (%)', format: '0%', min: 0, max: 0.75, step: 0.25 });
  });

  it('has none when no layer has an intensity', () => {
    expect(capexIntensityChart(profitabilityAnswer({}), FILTERS).exportAs.native).toBeUndefined();
  });
});
