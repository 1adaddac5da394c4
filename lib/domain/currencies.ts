import { z } from 'zod';

/** ISO 4217 codes as the runtime knows them: one list for the form, the API, the CSV importers and FX. */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const CURRENCY_MESSAGE = 'Use an ISO 4217 currency code such as USD, EUR or TWD.';

export function isCurrency(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

/** A currency code, trimmed and upper-cased before it is checked. */
export const currencySchema = z.string().trim().toUpperCase().refine(isCurrency, CURRENCY_MESSAGE);
