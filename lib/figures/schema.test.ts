import { describe, expect, it } from 'vitest';
import { RuleError } from '../errors';
import { deleteFigureSchema, figureBatchBodySchema, figureQuerySchema, parseFigureBatch } from './schema';

const COMPANY = '00000000-0000-4000-8000-00000000000a';
const figure = (over: Record<string, unknown> = {}) => ({
  companyId: COMPANY,
  fiscalYear: 2024,
  fiscalQuarter: null,
  metric: 'revenue',
  value: '60922.5',
  currency: 'eur',
  ...over,
});

describe('a batch of figures', () => {
  it('is read into typed figures: defaults filled, text trimmed and upper-cased, a number value read as its text', () => {
    expect(parseFigureBatch({ figures: [figure({ value: 15000.5, source: '  ', note: ' Q4 ' })] })).toEqual({
      figures: [
        {
          companyId: COMPANY,
          fiscalYear: 2024,
          fiscalQuarter: null,
          metric: 'revenue',
          kind: 'reported',
          value: '15000.5',
          currency: 'EUR',
          source: null,
          note: 'Q4',
        },
      ],
    });
  });

  it('is refused whole when one figure is invalid, naming each problem by its position', () => {
    const error = (() => {
      try {
        return parseFigureBatch({
          figures: [
            figure(),
            figure({ metric: 'capex', value: '-1' }),
            figure({ fiscalYear: 1989 }),
            figure({ value: '1.1234567' }),
          ],
        });
      } catch (e) {
        return e;
      }
    })() as RuleError;
    expect(error).toBeInstanceOf(RuleError);
    expect(error.message).toBe('Some figures are not valid; nothing was saved.');
    expect(error.issues).toEqual([
      { path: ['figures', 1, 'value'], message: 'Revenue and capex cannot be negative.' },
      { path: ['figures', 2, 'fiscalYear'], message: 'Use a year from 1990 to 2100.' },
      { path: ['figures', 3, 'value'], message: 'Enter a number in millions with at most 6 decimals, e.g. 60922.5.' },
    ]);
  });

  it('must hold at least one figure', () => {
    expect(figureBatchBodySchema.safeParse({ figures: [] }).error?.issues[0]?.message).toBe('Send at least one figure.');
    expect(figureBatchBodySchema.safeParse({}).success).toBe(false);
  });
});

describe('the other figure inputs', () => {
  it('reads the list query and the delete version from strings', () => {
    expect(figureQuerySchema.parse({ year: '2024', metric: 'capex' })).toEqual({ year: 2024, metric: 'capex' });
    expect(figureQuerySchema.safeParse({ year: '1989' }).success).toBe(false);
    const id = '5f0c6e4e-8d3a-4c39-9a4e-2b7f1d0c9e11';
    expect(deleteFigureSchema.parse({ id, version: '3' })).toEqual({ id, version: 3 });
    expect(deleteFigureSchema.parse({ id })).toEqual({ id, version: undefined }); // the data layer answers 409
    expect(deleteFigureSchema.safeParse({ id, version: 'x' }).error?.issues[0]?.message).toBe(
      '?version= must be the number you read.',
    );
    expect(deleteFigureSchema.safeParse({ id: '-'.repeat(36), version: '3' }).error?.issues[0]?.message).toBe('No such figure.');
  });
});
