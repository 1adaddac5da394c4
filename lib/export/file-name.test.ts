import { describe, expect, it } from 'vitest';
import { exportFileName, packFileName, slug } from './file-name';

const name = { chart: 'layer-pools', metric: 'operating_income', period: '2024', basis: 'calendar' } as const;

describe('export file names', () => {
  it('say chart, metric, year and basis: stacklens-<chart>-<metric>-<year>-<basis>', () => {
    expect(exportFileName(name, { png: 2 })).toBe('stacklens-layer-pools-operating-income-2024-calendar.png');
    expect(exportFileName(name, 'svg')).toBe('stacklens-layer-pools-operating-income-2024-calendar.svg');
    expect(exportFileName({ ...name, chart: 'over-time', period: '2017–2024', basis: 'fiscal' }, 'csv')).toBe(
      'stacklens-over-time-operating-income-2017-2024-fiscal.csv',
    );
  });

  it('name the list and, for a model, its assumptions', () => {
    expect(exportFileName({ ...name, list: 'AI Portfolio' }, 'svg')).toBe(
      'stacklens-layer-pools-operating-income-2024-calendar-ai-portfolio.svg',
    );
    expect(
      exportFileName({ ...name, chart: 'gap', metric: 'revenue', period: '2017–2024', assumptions: ['g0.5', 'm0.25'] }, 'csv'),
    ).toBe('stacklens-gap-revenue-2017-2024-calendar-g0.5-m0.25.csv');
  });

  it('mark a 4× PNG, so it never overwrites the 2× one', () => {
    expect(exportFileName(name, { png: 4 })).toBe('stacklens-layer-pools-operating-income-2024-calendar-4x.png');
  });

  it('name the memo pack by year and basis', () => {
    expect(packFileName({ year: 2024, basis: 'calendar' }, 'pptx')).toBe('stacklens-memo-pack-2024-calendar.pptx');
    expect(packFileName({ year: 2024, basis: 'fiscal' }, 'zip')).toBe('stacklens-memo-pack-2024-fiscal.zip');
    expect(packFileName({ year: 2024, basis: 'fiscal', list: 'Watchlist' }, 'zip')).toBe(
      'stacklens-memo-pack-2024-fiscal-watchlist.zip',
    );
  });

  it('slug to lower-case ASCII words, accents and symbols dropped', () => {
    expect(slug('Société “Générale” / Capex ÷ Revenue')).toBe('societe-generale-capex-revenue');
  });
});
