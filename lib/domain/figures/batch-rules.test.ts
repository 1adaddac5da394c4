import { describe, expect, it } from 'vitest';
import {
  currencyClashes,
  planFigureWrites,
  repeatedFigures,
  sameContent,
  type IncomingFigure,
  type KeyedFigure,
} from './batch-rules';
import { figureKey } from './input';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function figure(over: Partial<KeyedFigure> = {}): KeyedFigure {
  return { companyId: A, fiscalYear: 2024, fiscalQuarter: null, metric: 'revenue', kind: 'reported', currency: 'EUR', ...over };
}

const at = (figures: KeyedFigure[], where = (i: number) => `line ${i + 2}`): IncomingFigure[] =>
  figures.map((f, i) => ({ figure: f, where: where(i), company: f.companyId === A ? 'Alpha' : 'Beta' }));

describe('repeated figures', () => {
  it('names each repeat of a natural key after the first, by where the first one is', () => {
    const batch = at([
      figure(),
      figure({ fiscalQuarter: 1 }),
      figure({ currency: 'USD' }),
      figure({ fiscalQuarter: 1 }),
      figure(),
    ]);
    expect(repeatedFigures(batch)).toEqual([
      { index: 2, field: null, message: 'the same figure as line 2' },
      { index: 3, field: null, message: 'the same figure as line 3' },
      { index: 4, field: null, message: 'the same figure as line 2' },
    ]);
  });

  it('tells apart quarter, kind, metric, year and company', () => {
    const batch = at([
      figure(),
      figure({ fiscalQuarter: 4 }),
      figure({ kind: 'estimate' }),
      figure({ metric: 'capex' }),
      figure({ fiscalYear: 2025 }),
      figure({ companyId: B }),
    ]);
    expect(repeatedFigures(batch)).toEqual([]);
  });
});

describe('one currency per company, fiscal year and metric', () => {
  it('refuses a figure whose currency differs from a stored one of the same company, year and metric', () => {
    const stored = [figure({ kind: 'estimate', currency: 'EUR' })];
    const batch = at([figure({ currency: 'USD' }), figure({ metric: 'capex', currency: 'USD' })], (i) => `figures[${i}]`);
    expect(currencyClashes(batch, stored)).toEqual([
      {
        index: 0,
        field: 'currency',
        message: 'revenue for FY2024 of Alpha is in EUR (a stored figure); one currency per company, year and metric',
      },
    ]);
  });

  it('lets a batch change the currency of every stored figure it replaces', () => {
    const stored = [figure({ currency: 'EUR' }), figure({ fiscalQuarter: 1, currency: 'EUR' })];
    const batch = at([figure({ currency: 'USD' }), figure({ fiscalQuarter: 1, currency: 'USD' })]);
    expect(currencyClashes(batch, stored)).toEqual([]);
    // Replacing only one of the two leaves the other stored figure in EUR.
    expect(currencyClashes(at([figure({ currency: 'USD' })]), stored).map((i) => i.message)).toEqual([
      'revenue for FY2024 of Alpha is in EUR (a stored figure); one currency per company, year and metric',
    ]);
  });

  it('within the batch, the first figure of a company, year and metric sets the currency', () => {
    const batch = at([
      figure({ companyId: B, metric: 'operating_income', currency: 'TWD' }),
      figure({ companyId: B, metric: 'operating_income', kind: 'estimate', currency: 'USD' }),
      figure({ companyId: B, metric: 'operating_income', fiscalQuarter: 2, currency: 'JPY' }),
      figure({ companyId: B, metric: 'operating_income', fiscalYear: 2025, currency: 'USD' }),
    ]);
    expect(currencyClashes(batch, [])).toEqual([
      {
        index: 1,
        field: 'currency',
        message: 'operating income for FY2024 of Beta is in TWD (line 2); one currency per company, year and metric',
      },
      {
        index: 2,
        field: 'currency',
        message: 'operating income for FY2024 of Beta is in TWD (line 2); one currency per company, year and metric',
      },
    ]);
  });

  it('never compares figures of other companies, years or metrics', () => {
    const stored = [figure({ companyId: B }), figure({ fiscalYear: 2023 }), figure({ metric: 'capex' })];
    expect(currencyClashes(at([figure({ currency: 'USD' })]), stored)).toEqual([]);
  });
});

describe('planning the writes', () => {
  const content = { value: '100', source: null, note: null };
  const stored = (over: Partial<KeyedFigure> & { value?: string; note?: string | null }) => ({
    ...figure(over),
    ...content,
    ...over,
    id: `id-${over.fiscalQuarter ?? 'FY'}`,
  });

  it('compares values by number and the rest as text', () => {
    expect(
      sameContent(
        { value: '100.50', currency: 'EUR', source: null, note: null },
        { value: '100.5', currency: 'EUR', source: null, note: null },
      ),
    ).toBe(true);
    expect(
      sameContent(
        { value: '100', currency: 'EUR', source: null, note: null },
        { value: '100', currency: 'USD', source: null, note: null },
      ),
    ).toBe(false);
    expect(
      sameContent(
        { value: '100', currency: 'EUR', source: null, note: null },
        { value: '100', currency: 'EUR', source: 'x', note: null },
      ),
    ).toBe(false);
    expect(
      sameContent(
        { value: '100', currency: 'EUR', source: null, note: 'n' },
        { value: '100', currency: 'EUR', source: null, note: null },
      ),
    ).toBe(false);
    expect(
      sameContent(
        { value: '-0.000001', currency: 'EUR', source: null, note: null },
        { value: '0', currency: 'EUR', source: null, note: null },
      ),
    ).toBe(false);
  });

  it('sorts the batch into new, changed and unchanged figures, in batch order', () => {
    const q1 = stored({ fiscalQuarter: 1 });
    const q2 = stored({ fiscalQuarter: 2, value: '7' });
    const byKey = new Map([q1, q2].map((f) => [figureKey(f), f]));
    const incoming = [
      { ...figure({ fiscalQuarter: 3 }), ...content },
      { ...figure({ fiscalQuarter: 2 }), ...content },
      { ...figure({ fiscalQuarter: 1 }), ...content, value: '100.000' },
      { ...figure(), ...content },
    ];
    const plan = planFigureWrites(incoming, byKey);
    expect(plan.creates).toEqual([incoming[0], incoming[3]]);
    expect(plan.updates).toEqual([{ before: q2, figure: incoming[1] }]);
    expect(plan.unchanged).toEqual([q1]);
  });
});
