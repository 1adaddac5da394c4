import { z } from 'zod';

/** The years Stacklens accepts anywhere (fiscal, calendar, FX and analytics years): a rule the client shares. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;
export const YEAR_RANGE_MESSAGE = `Use a year from ${FIRST_YEAR} to ${LAST_YEAR}.`;

export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR;
}

/** A year given as a number or a string of digits (a query string, a CSV cell, a form field). */
export const yearSchema = z.coerce
  .number({ error: YEAR_RANGE_MESSAGE })
  .int(YEAR_RANGE_MESSAGE)
  .min(FIRST_YEAR, YEAR_RANGE_MESSAGE)
  .max(LAST_YEAR, YEAR_RANGE_MESSAGE);
