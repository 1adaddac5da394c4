import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR, YEAR_RANGE_MESSAGE } from './year-range';

export * from './year-range';

/** A year given as a number or a string of digits (a query string, a CSV cell, a form field). */
export const yearSchema = z.coerce
  .number({ error: YEAR_RANGE_MESSAGE })
  .int(YEAR_RANGE_MESSAGE)
  .min(FIRST_YEAR, YEAR_RANGE_MESSAGE)
  .max(LAST_YEAR, YEAR_RANGE_MESSAGE);
