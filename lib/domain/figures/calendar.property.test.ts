import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, Dec } from '../decimal';
import { companyYearValue, type CompanyYearInput, type CompanyYearResult } from './calendar';
import { chooseFiscalValue } from './choose';
import type { FigureValue } from './types';

/**
 * Decimal strings without float noise: integers, or integers / 10^6 (a figure's 6 decimals). The bounds keep every
 * product within the 40 significant digits of Dec (a value of up to 1e9 millions, × k of up to 1e3, × a rate with
 * 6 decimals), so the results below are exact and compare with Dec.eq.
 */
const decimalString = (maxAbs: bigint) =>
  fc
    .tuple(fc.bigInt({ min: -maxAbs, max: maxAbs }), fc.boolean())
    .map(([n, millionths]) => canonicalDecimal(millionths ? new Dec(n.toString()).div(1_000_000) : n.toString()));
const value = decimalString(10n ** 9n);
const factor = decimalString(10n ** 3n);
/** USD per unit from 0.000001 to 1000. */
const positiveRate = fc.bigInt({ min: 1n, max: 10n ** 9n }).map((n) => canonicalDecimal(new Dec(n.toString()).div(1_000_000)));

const endMonth = fc.integer({ min: 1, max: 12 });
const year = fc.integer({ min: 1990, max: 2060 });
const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'TWD');
const estimates = fc.constantFrom('include' as const, 'exclude' as const);

const kind = fc.constantFrom('reported' as const, 'estimate' as const);
const quarter = fc.constantFrom(null, 1 as const, 2 as const, 3 as const, 4 as const);

/**
 * What one fiscal year of a company may hold: nothing, full years, quarters (some or all), in any mix of kinds.
 * Half the time it starts with a full-year figure, so that most companies have a value.
 */
const fiscalYearFigures = (fiscalYear: number) =>
  fc
    .tuple(
      fc.option(fc.record({ fiscalQuarter: fc.constant(null), kind, value }), { nil: undefined }),
      fc.array(fc.record({ fiscalQuarter: quarter, kind, value }), { maxLength: 8 }),
    )
    .map(([fullYear, rows]) => [...(fullYear ? [fullYear] : []), ...rows].map((row) => ({ ...row, fiscalYear })));

/** Figures of fiscal years Y−1 … Y+2 (one currency per fiscal year), deduplicated on (year, quarter, kind). */
const companyFigures = (y: number) =>
  fc
    .tuple(
      fc.tuple(fiscalYearFigures(y - 1), currency),
      fc.tuple(fiscalYearFigures(y), currency),
      fc.tuple(fiscalYearFigures(y + 1), currency),
      fc.tuple(fiscalYearFigures(y + 2), currency),
    )
    .map((years) => {
      const seen = new Set<string>();
      const figures: FigureValue[] = [];
      for (const [rows, cur] of years)
        for (const row of rows) {
          const key = `${row.fiscalYear}:${row.fiscalQuarter}:${row.kind}`;
          if (seen.has(key)) continue;
          seen.add(key);
          figures.push({ ...row, metric: 'revenue', currency: cur });
        }
      return figures;
    });

const rateTable = fc.record({ EUR: positiveRate, JPY: positiveRate, TWD: fc.option(positiveRate, { nil: undefined }) });
const lookup = (table: Record<string, string | undefined>) => (cur: string) => table[cur];

function input(
  overrides: Partial<CompanyYearInput> & Pick<CompanyYearInput, 'figures' | 'fiscalYearEndMonth' | 'year' | 'usdPerUnit'>,
): CompanyYearInput {
  return { metric: 'revenue', basis: 'calendar', estimates: 'include', ...overrides };
}

function usd(result: CompanyYearResult): Dec {
  if (!result.ok) throw new Error(`expected a value, got ${result.missing.reason}`);
  return new Dec(result.usd);
}

describe('companyYearValue properties', () => {
  it('with years ending in December, the calendar value is the fiscal value', () => {
    fc.assert(
      fc.property(
        year.chain((y) => fc.tuple(fc.constant(y), companyFigures(y), rateTable, estimates)),
        ([y, figures, table, est]) => {
          const common = { figures, fiscalYearEndMonth: 12, year: y, usdPerUnit: lookup(table), estimates: est };
          const calendar = companyYearValue(input(common));
          const fiscal = companyYearValue(input({ ...common, basis: 'fiscal' }));
          expect(calendar.ok).toBe(fiscal.ok);
          if (!calendar.ok || !fiscal.ok) {
            expect(calendar).toEqual(fiscal);
            return;
          }
          expect(new Dec(calendar.usd).eq(fiscal.usd)).toBe(true);

          const chosen = chooseFiscalValue(figures, y, 'revenue', { estimates: est });
          if (!chosen.ok) throw new Error('a calendar value without a fiscal value');
          const rate = chosen.currency === 'USD' ? '1' : table[chosen.currency as 'EUR' | 'JPY' | 'TWD'];
          expect(new Dec(calendar.usd).eq(new Dec(chosen.value).times(rate ?? Number.NaN))).toBe(true);
        },
      ),
    );
  });

  it('a constant yearly value v gives v in every calendar year, for every year-end month', () => {
    fc.assert(
      fc.property(value, endMonth, year, kind, (v, e, y, figureKind) => {
        const figures: FigureValue[] = [y - 1, y, y + 1, y + 2].map((fiscalYear) => ({
          fiscalYear,
          fiscalQuarter: null,
          metric: 'revenue',
          kind: figureKind,
          value: v,
          currency: 'USD',
        }));
        const result = companyYearValue(input({ figures, fiscalYearEndMonth: e, year: y, usdPerUnit: () => undefined }));
        expect(usd(result).eq(v)).toBe(true);
        expect(result.ok && result.estimated).toBe(figureKind === 'estimate');
      }),
    );
  });

  it('a constant yearly value v in a foreign currency gives v × rate', () => {
    fc.assert(
      fc.property(value, positiveRate, endMonth, year, (v, rate, e, y) => {
        const figures: FigureValue[] = [y, y + 1].map((fiscalYear) => ({
          fiscalYear,
          fiscalQuarter: null,
          metric: 'revenue',
          kind: 'reported',
          value: v,
          currency: 'EUR',
        }));
        const result = companyYearValue(input({ figures, fiscalYearEndMonth: e, year: y, usdPerUnit: () => rate }));
        expect(usd(result).eq(new Dec(v).times(rate))).toBe(true);
      }),
    );
  });

  it('scaling every figure by k scales every result by k, and leaves missing companies missing for the same reason', () => {
    fc.assert(
      fc.property(
        year.chain((y) => fc.tuple(fc.constant(y), companyFigures(y))),
        endMonth,
        rateTable,
        estimates,
        fc.constantFrom('calendar' as const, 'fiscal' as const),
        factor,
        ([y, figures], e, table, est, basis, k) => {
          const scaled = figures.map((f) => ({ ...f, value: canonicalDecimal(new Dec(f.value).times(k)) }));
          const common = { fiscalYearEndMonth: e, year: y, usdPerUnit: lookup(table), estimates: est, basis };
          const before = companyYearValue(input({ ...common, figures }));
          const after = companyYearValue(input({ ...common, figures: scaled }));
          if (!before.ok || !after.ok) {
            expect(after).toEqual(before);
            return;
          }
          expect(after.estimated).toBe(before.estimated);
          const expected = new Dec(before.usd).times(k);
          if (basis === 'fiscal' || e % 3 === 0) {
            // The division by 12 terminates (the months are multiples of 3, or 12 alone): exact.
            expect(new Dec(after.usd).eq(expected)).toBe(true);
          } else {
            // x / 12 may repeat forever; both sides are then rounded at the 40th significant digit.
            expect(new Dec(after.usd).minus(expected).abs().lte(expected.abs().times('1e-38'))).toBe(true);
          }
        },
      ),
    );
  });
});
