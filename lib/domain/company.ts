import { z } from 'zod';
import { LAYER_KEYS, LAYERS, type LayerKey } from './layers';
import { isCountryCode } from './countries';
import { sharesSumProblem } from './shares';

/**
 * The one validation of a company (SPEC §2), shared by the form, the API and the CSV importer. Shares travel
 * as decimal strings (fractions of the company's business); the six sum to at most 1 and the rest is outside
 * the AI stack.
 */
export const COMPANY_STATUSES = ['public', 'private'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

const currencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** A trimmed optional text: blank becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

const decimalShare = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^(0|[1-9]\d*)?(\.\d+)?$/.test(v) && v !== '' && v !== '.', 'Enter the share as a decimal fraction, e.g. 0.6.');

export const exposureInputSchema = z.object({
  layer: z.enum(LAYER_KEYS, `Choose one of ${LAYER_KEYS.join(', ')}.`),
  share: decimalShare,
  subLayer: optionalText(60),
});
export type ExposureInput = z.infer<typeof exposureInputSchema>;

export const listNameSchema = z
  .string()
  .trim()
  .min(1, 'Name the list.')
  .max(60, 'Use at most 60 characters.')
  .refine((v) => !v.includes(';'), 'A list name cannot contain ";" (it separates lists in CSV files).');

const companyFields = {
  name: z.string().trim().min(1, 'Enter the company name.').max(200, 'Use at most 200 characters.'),
  ticker: optionalText(20).refine((v) => v === null || /^[A-Za-z0-9][A-Za-z0-9.:\-/ ]*$/.test(v), {
    message: 'Use letters, digits and . : - / only.',
  }),
  country: optionalText(2)
    .transform((v) => v?.toUpperCase() ?? null)
    .refine((v) => v === null || isCountryCode(v), 'Use an ISO 3166-1 alpha-2 code such as US, TW or NL.'),
  status: z.enum(COMPANY_STATUSES, 'Choose public or private.').default('public'),
  fiscalYearEndMonth: z.coerce
    .number('Enter the month the fiscal year ends, 1 to 12.')
    .int('Enter a whole month, 1 to 12.')
    .min(1, 'Enter a month from 1 to 12.')
    .max(12, 'Enter a month from 1 to 12.')
    .default(12),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .default('USD')
    .refine((v) => currencies.has(v), 'Use an ISO 4217 currency code such as USD, EUR or TWD.'),
  website: optionalText(300).refine(
    (v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
    'Use a web address starting with https://.',
  ),
  description: optionalText(2000),
  lists: z.array(listNameSchema).max(50, 'At most 50 lists.').default([]),
  exposures: z.array(exposureInputSchema).max(LAYERS.length).default([]),
};

function checkExposures(exposures: ExposureInput[], ctx: z.RefinementCtx): void {
  const seen = new Set<LayerKey>();
  for (const [i, e] of exposures.entries()) {
    if (seen.has(e.layer))
      ctx.addIssue({ code: 'custom', path: ['exposures', i, 'layer'], message: `${e.layer} appears twice.` });
    seen.add(e.layer);
  }
  const problem = sharesSumProblem(Object.fromEntries(exposures.map((e) => [e.layer, e.share])));
  if (problem) ctx.addIssue({ code: 'custom', path: ['exposures'], message: problem });
}

export const companyInputSchema = z.object(companyFields).superRefine((v, ctx) => checkExposures(v.exposures, ctx));
export type CompanyInput = z.output<typeof companyInputSchema>;
export type CompanyInputRaw = z.input<typeof companyInputSchema>;

/**
 * PATCH (SPEC §7): the version the client read, optionally `archived` (false restores), and any subset of the
 * fields. The subset is merged over the stored company and the result goes through `companyInputSchema`, so
 * a partial update obeys exactly the rules of a full one. Unknown fields are refused.
 */
export const companyPatchSchema = z
  .object({
    version: z.number('Send the version you read; a stale one is a conflict (409).').int().min(1),
    archived: z.boolean().optional(),
    ...Object.fromEntries(Object.keys(companyFields).map((k) => [k, z.unknown().optional()])),
  })
  .strict();
export type CompanyPatch = z.infer<typeof companyPatchSchema>;
export const COMPANY_FIELDS = Object.keys(companyFields) as (keyof typeof companyFields)[];
