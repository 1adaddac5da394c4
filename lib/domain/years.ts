import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR, YEAR_RANGE_MESSAGE } from './year-range';

export * from './year-range';

/** "FY2024" or "FY 2024": a fiscal-year label where a year is wanted, answered with the year it names. */
const FISCAL_LABEL = /^\s*FY\s*'?(\d{4})\s*$/i;

/**
 * A year given as a number or a string of digits (a query string, a CSV cell, a form field). A cell written as a
 * fiscal-year label ("FY2024") is told how to write it, rather than only the range.
 */
export const yearSchema = z.preprocess(
  (value, ctx) => {
    const label = typeof value === 'string' ? FISCAL_LABEL.exec(value) : null;
    if (!label) return value;
    ctx.addIssue({ code: 'custom', message: `Write the year as ${label[1]}, without "FY".` });
    return z.NEVER;
  },
  z.coerce
    .number({ error: YEAR_RANGE_MESSAGE })
    .int(YEAR_RANGE_MESSAGE)
    .min(FIRST_YEAR, YEAR_RANGE_MESSAGE)
    .max(LAST_YEAR, YEAR_RANGE_MESSAGE),
);
