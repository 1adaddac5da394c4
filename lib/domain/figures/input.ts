import { z } from 'zod';
import { currencySchema } from '../currencies';
import { textRule } from '../text';
import { yearSchema } from '../years';
import { KINDS, METRICS } from './types';

/** Integer digits a figure value may have (docs/data-contract.md §2): under a trillion of millions. */
export const FIGURE_VALUE_INTEGER_DIGITS = 12;
const FIGURE_VALUE = /^-?(\d+)(\.\d{1,6})?$/;

/** A figure value's text: the shape first, then the bound, on the text, before decimal.js or SQL see it. */
export function figureValueProblem(v: string): string | null {
  const match = FIGURE_VALUE.exec(v);
  if (!match && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(v))
    return `Write ${v.replaceAll(',', '')} without thousands separators (a comma here could also be a decimal comma: write decimals with a dot).`;
  if (!match && /^-?\d+,\d+$/.test(v)) return `Write decimals with a dot: ${v.replace(',', '.')}.`;
  if (!match) return 'Enter a number in millions with at most 6 decimals, e.g. 60922.5.';
  if (match[1]!.replace(/^0+(?=\d)/, '').length > FIGURE_VALUE_INTEGER_DIGITS)
    return `value has at most ${FIGURE_VALUE_INTEGER_DIGITS} digits before the decimal point`;
  return null;
}

/** A money value's text in millions (figures and flows): at most 12 integer digits and 6 decimals. */
export const figureValueText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .superRefine((v, ctx) => {
    const problem = figureValueProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A source or note: trimmed, at most 2,000 characters, blank = null. */
export const figureText = (label: string) =>
  z
    .string()
    .trim()
    .max(2000, `Keep the ${label} to 2,000 characters.`)
    .superRefine(textRule(label === 'note' ? 'multiline' : 'line'))
    .nullish()
    .transform((v) => v || null);

/** Only operating income may be below zero (a loss); revenue and capex cannot. */
export function mayBeNegative(metric: (typeof METRICS)[number]): boolean {
  return metric === 'operating_income';
}
export const NEGATIVE_MESSAGE = 'Revenue and capex cannot be negative.';

/**
 * One figure as the API, the grid and the importer send it (docs/data-contract.md §2, §7). Values are millions of the figure's
 * currency with at most 6 decimals, as decimal strings (a JSON number is accepted and read as its text).
 */
export const figureInputSchema = z
  .object({
    companyId: z.uuid('Unknown company.'),
    fiscalYear: yearSchema,
    fiscalQuarter: z.union(
      [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()],
      'The quarter is 1 to 4, or null for the full year.',
    ),
    metric: z.enum(METRICS, `The metric is one of ${METRICS.join(', ')}.`),
    kind: z.enum(KINDS, 'The kind is reported or estimate.').default('reported'),
    value: figureValueText,
    currency: currencySchema,
    source: figureText('source'),
    note: figureText('note'),
    version: z.number().int().min(1).optional(),
  })
  .refine((f) => mayBeNegative(f.metric) || !f.value.startsWith('-'), {
    path: ['value'],
    message: NEGATIVE_MESSAGE,
  });
export type FigureInput = z.output<typeof figureInputSchema>;

/** The natural key of a figure (docs/data-contract.md §6): company, fiscal year, quarter, metric, kind. */
export function figureKey(
  f: Pick<FigureInput, 'companyId' | 'fiscalYear' | 'metric' | 'kind'> & { fiscalQuarter: number | null },
): string {
  return `${f.companyId}|${f.fiscalYear}|${f.fiscalQuarter ?? 'FY'}|${f.metric}|${f.kind}`;
}

/** Figures of one company, fiscal year and metric share a currency (docs/data-contract.md §2). */
export function currencyKey(f: Pick<FigureInput, 'companyId' | 'fiscalYear' | 'metric'>): string {
  return `${f.companyId}|${f.fiscalYear}|${f.metric}`;
}
