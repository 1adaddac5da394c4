import { z } from 'zod';
import { Dec } from '../domain/decimal';
import { isCurrency } from '../domain/currencies';
import { yearSchema } from '../domain/years';

/** FX rates: currency × calendar year → USD per one unit, the year's average. Client code imports this module. */

// Under a million USD per unit with at most 20 decimals (docs/data-contract.md §2), checked on the text first.
const positiveDecimal = /^\d{1,6}(\.\d{1,20})?$/;

export const fxRateSchema = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrency, 'Use an ISO 4217 currency code such as EUR, JPY or TWD.')
    .refine((v) => v !== 'USD', 'USD is 1 and needs no rate.'),
  year: yearSchema,
  usdPerUnit: z
    .string()
    .trim()
    .refine(
      (v) => positiveDecimal.test(v) && new Dec(v).gt(0),
      'Enter USD per one unit as a positive decimal under 1,000,000 with at most 20 decimals, e.g. 1.0817.',
    )
    .refine((v) => !positiveDecimal.test(v) || new Dec(v).sd(false) <= 15, 'Use at most 15 significant digits.'),
});
export type FxRateInput = z.output<typeof fxRateSchema>;

/** The rate form: a new rate, or a change at the version read. */
export const setFxRateSchema = fxRateSchema.extend({ version: z.coerce.number().int().min(1).optional() });
export type SetFxRateInput = z.output<typeof setFxRateSchema>;

export interface FxRateView {
  currency: string;
  year: number;
  usdPerUnit: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/** Figures in a currency whose fiscal year has no rate for it, by currency and year. */
export interface UnconvertibleGroup {
  currency: string;
  year: number;
  figures: number;
  companies: string[];
}
