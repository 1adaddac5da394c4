import { canonicalDecimal, Dec } from '../decimal';
import { chooseFiscalValue } from './choose';
import type { Basis, FigureValue, Metric, Missing } from './types';

/** One fiscal year's part of a year value: the whole fiscal-year value and how many of its months count. */
export interface YearPart {
  fiscalYear: number;
  months: number;
  value: string;
  currency: string;
}

export interface CompanyYearInput {
  figures: readonly FigureValue[];
  fiscalYearEndMonth: number;
  year: number;
  metric: Metric;
  basis: Basis;
  estimates: 'include' | 'exclude';
  /** USD per unit of `currency`, the yearly average of calendar `year`; undefined when there is no rate. */
  usdPerUnit: (currency: string, year: number) => string | undefined;
}

export type CompanyYearResult =
  | {
      ok: true;
      /** The value in USD millions, numerator / 12 at Dec's 40 significant digits: what one company's value shows. */
      usd: string;
      /**
       * The numerator itself, Σ value × months × rate, exactly: 12 × the value. Aggregates sum share × this and divide
       * by 12 once, at the end (docs/data-contract.md §4), so that no rounding of a company's value reaches a pool.
       */
      twelfths: string;
      estimated: boolean;
      parts: YearPart[];
    }
  | { ok: false; missing: Missing };

/**
 * The fiscal years that overlap calendar year `calendarYear`, with how many of their months fall inside it, in
 * ascending fiscal-year order. Fiscal year F of a company whose year ends in month e covers the 12 months ending
 * in month e of year F (docs/data-contract.md §4), so calendar year Y holds e months of FY Y and 12 − e months of FY Y+1
 * (none when e = 12, and that fiscal year is then left out).
 */
export function monthsInCalendarYear(fiscalYearEndMonth: number, calendarYear: number): { fiscalYear: number; months: number }[] {
  if (!Number.isInteger(fiscalYearEndMonth) || fiscalYearEndMonth < 1 || fiscalYearEndMonth > 12)
    throw new RangeError(`fiscal year end month must be an integer from 1 to 12, not ${fiscalYearEndMonth}`);
  if (!Number.isInteger(calendarYear)) throw new RangeError(`calendar year must be an integer, not ${calendarYear}`);
  return [
    { fiscalYear: calendarYear, months: fiscalYearEndMonth },
    { fiscalYear: calendarYear + 1, months: 12 - fiscalYearEndMonth },
  ].filter((part) => part.months > 0);
}

/**
 * A calendar year's missing reason that names the next fiscal year says why that year counts (issue 17): "no
 * revenue for FY2025, whose first 2 months fall in 2024". Other reasons are returned as they are.
 */
export function withCalendarOverlap(reason: string, fiscalYearEndMonth: number, calendarYear: number): string {
  const next = `FY${calendarYear + 1}`;
  const months = 12 - fiscalYearEndMonth;
  if (months <= 0 || !new RegExp(`\\b${next}\\b`).test(reason)) return reason;
  const overlap =
    months === 1 ? `whose first month falls in ${calendarYear}` : `whose first ${months} months fall in ${calendarYear}`;
  return reason.replace(next, `${next}, ${overlap}`);
}

/**
 * A company's value of `metric` for `year` in USD millions, at full precision (docs/data-contract.md §4).
 *
 * Calendar basis: every overlapping fiscal year needs a value (docs/data-contract.md §3), else the company is missing with the
 * reason of the first missing fiscal year. Then USD = Σ_F value(F) × months_F × rate(currency_F, year) / 12: each
 * part converts at its own currency's rate for the calendar year, USD at 1 without asking for a rate. Every
 * product is taken before the one division by 12, so the sum is exact and only that division can round (at 40
 * significant digits, and only when the quotient does not terminate). Dividing first, or converting the
 * calendarised value after dividing, rounds earlier and can turn an exact half-way value such as 0.0000005 into
 * 0.00000050…01, which then rounds the other way at 6 decimals.
 *
 * Fiscal basis: `year` is the company's fiscal year `year`, converted at the rate of calendar year `year`; its one
 * part has 12 months, so the same formula gives value × rate.
 *
 * Figures are checked before rates, so a company lacking both is missing `no_figure`; otherwise the first part
 * (in fiscal-year order) without a rate gives `no_fx_rate`, e.g. "no TWD rate for 2024".
 */
export function companyYearValue(input: CompanyYearInput): CompanyYearResult {
  const spans =
    input.basis === 'fiscal'
      ? [{ fiscalYear: input.year, months: 12 }]
      : monthsInCalendarYear(input.fiscalYearEndMonth, input.year);

  const parts: YearPart[] = [];
  let estimated = false;
  for (const span of spans) {
    const chosen = chooseFiscalValue(input.figures, span.fiscalYear, input.metric, { estimates: input.estimates });
    if (!chosen.ok && input.basis === 'fiscal') return chosen;
    if (!chosen.ok)
      return {
        ok: false,
        missing: { ...chosen.missing, reason: withCalendarOverlap(chosen.missing.reason, input.fiscalYearEndMonth, input.year) },
      };
    parts.push({ ...span, value: chosen.value, currency: chosen.currency });
    estimated ||= chosen.estimated;
  }

  let numerator = new Dec(0);
  for (const part of parts) {
    const rate = part.currency === 'USD' ? '1' : input.usdPerUnit(part.currency, input.year);
    if (rate === undefined)
      return { ok: false, missing: { code: 'no_fx_rate', reason: `no ${part.currency} rate for ${input.year}` } };
    numerator = numerator.plus(new Dec(part.value).times(part.months).times(rate));
  }
  return { ok: true, usd: canonicalDecimal(numerator.div(12)), twelfths: canonicalDecimal(numerator), estimated, parts };
}

/**
 * USD millions as the API shows money: rounded to 6 decimals, half-even, canonical (`1.0000015` → `1.000002`).
 * A value that rounds to zero is `0`, never `-0` (canonicalDecimal drops the sign of zero).
 */
export function roundMoney(value: string): string {
  return canonicalDecimal(new Dec(value).toDecimalPlaces(6, Dec.ROUND_HALF_EVEN));
}
