import { describe, expect, it } from 'vitest';
import { describeFigureChange, figureLabel } from './history-text';

const base = {
  fiscalYear: 2024,
  fiscalQuarter: null,
  metric: 'operating_income' as const,
  kind: 'estimate' as const,
  value: '-1234.5',
  currency: 'EUR',
  source: 'Q4 call',
  note: null,
};

describe('figure history lines', () => {
  it('labels a figure by metric, kind and period', () => {
    expect(figureLabel(base)).toBe('Operating income, estimate, FY2024');
    expect(figureLabel({ ...base, metric: 'revenue', kind: 'reported', fiscalQuarter: 3 })).toBe('Revenue, reported, FY2024 Q3');
  });

  it('says what each event did: entry, old → new, deletion, restore', () => {
    expect(describeFigureChange('figure.create', null, base)).toEqual(['entered −1,234.5 EURm · source: Q4 call']);
    expect(
      describeFigureChange('figure.update', base, { ...base, value: '1000', source: '10-K p. 4', note: 'restated' }),
    ).toEqual(['value −1,234.5 EURm → 1,000 EURm', 'source Q4 call → 10-K p. 4', 'note — → restated']);
    expect(describeFigureChange('figure.delete', base, null)).toEqual(['deleted (was −1,234.5 EURm)']);
    expect(describeFigureChange('figure.restore', null, base)).toEqual(['restored at −1,234.5 EURm']);
  });
});
