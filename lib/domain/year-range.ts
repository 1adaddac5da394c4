/**
 * The years Stacklens accepts anywhere (fiscal, calendar, FX and analytics years): a rule the client shares, without
 * a schema library (./years.ts adds the zod schema for the server's edges and re-exports these).
 */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;
export const YEAR_RANGE_MESSAGE = `Use a year from ${FIRST_YEAR} to ${LAST_YEAR}.`;

export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR;
}
