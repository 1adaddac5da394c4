import { z } from 'zod';
import { percentagesSchema } from '../domain/company-form';
import { countryProblem } from '../domain/countries';
import { currencySchema } from '../domain/currencies';
import { LAYER_KEYS, LAYERS, type LayerKey } from '../domain/layers';
import { sharesSumProblem } from '../domain/shares';
import {
  compareProfileKeys,
  isBaseProfile,
  PROFILE_SCOPES,
  profileKeyString,
  profileLabel,
  type ProfileScope,
} from '../domain/profiles';
import { yearSchema } from '../domain/years';
import { textRule, type TextKind } from '../domain/text';
import { listNameSchema } from '../lists/schema';

/**
 * The one validation of a company, shared by the form, the API and the CSV importer. Shares travel as decimal
 * strings (fractions of the company's business); the six sum to at most 1 and the rest is outside the AI stack.
 */
export const COMPANY_STATUSES = ['public', 'private'] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

/** A trimmed optional text under the stored-text rule: blank becomes null. */
const optionalText = (max: number, kind: TextKind = 'line') =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .superRefine(textRule(kind))
    .nullish()
    .transform((v) => (v ? v : null));

// At most 20 decimals (docs/data-contract.md §2), checked on the text before decimal.js or SQL see it.
const decimalShare = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine(
    (v) => /^(0|[1-9]\d{0,2})?(\.\d{1,20})?$/.test(v) && v !== '',
    'Enter the share as a decimal fraction with at most 20 decimals, e.g. 0.6.',
  );

const exposureInputSchema = z.object({
  layer: z.enum(LAYER_KEYS, `Choose one of ${LAYER_KEYS.join(', ')}.`),
  share: decimalShare,
  subLayer: optionalText(60),
});
export type ExposureInput = z.output<typeof exposureInputSchema>;

/**
 * One exposure profile other than the base (docs/data-contract.md §2): a scope, a from-year (null = from the
 * beginning) and shares under the same rules as the base's. A profile with no exposures puts everything outside.
 */
export const profileInputSchema = z.object({
  scope: z.enum(PROFILE_SCOPES, `Choose a scope: ${PROFILE_SCOPES.join(', ')}.`),
  fromYear: yearSchema.nullish().transform((v) => v ?? null),
  exposures: z.array(exposureInputSchema).max(LAYERS.length),
});
export type ProfileInput = z.output<typeof profileInputSchema>;

/** Each field's rule without a default: a create adds the defaults, a patch leaves out what it does not name. */
const companyFields = z.object({
  name: z.string().trim().min(1, 'Enter the company name.').max(200, 'Use at most 200 characters.').superRefine(textRule('name')),
  ticker: optionalText(20).refine((v) => v === null || /^[A-Za-z0-9][A-Za-z0-9.:\-/ ]*$/.test(v), {
    message: 'Use letters, digits and . : - / only.',
  }),
  // Up to a country's name, so that "Taiwan" or "UK" is answered with the code to write (countryProblem).
  country: optionalText(60)
    .superRefine((v, ctx) => {
      const problem = v === null ? null : countryProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    // Kept a plain string (no type predicate), since stored companies are read back as strings.
    .transform((v) => v?.toUpperCase() ?? null),
  status: z.enum(COMPANY_STATUSES, 'Choose public or private.'),
  fiscalYearEndMonth: z.coerce
    .number('Enter the month the fiscal year ends, 1 to 12.')
    .int('Enter a whole month, 1 to 12.')
    .min(1, 'Enter a month from 1 to 12.')
    .max(12, 'Enter a month from 1 to 12.'),
  currency: currencySchema,
  website: optionalText(300).refine(
    (v) => v === null || /^https?:\/\/[^\s]+$/i.test(v),
    'Use a web address starting with https://.',
  ),
  description: optionalText(2000, 'multiline'),
  lists: z.array(listNameSchema).max(50, 'At most 50 lists.'),
  exposures: z.array(exposureInputSchema).max(LAYERS.length),
  profiles: z.array(profileInputSchema).max(200, 'At most 200 profiles.'),
});

/** What is wrong with a set of exposures as a whole: a layer twice, or shares that sum above 1. */
export function exposureProblems(exposures: readonly ExposureInput[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<LayerKey>();
  for (const [i, e] of exposures.entries()) {
    if (seen.has(e.layer)) problems.push({ path: ['exposures', i, 'layer'], message: `${e.layer} appears twice.` });
    seen.add(e.layer);
  }
  const problem = sharesSumProblem(Object.fromEntries(exposures.map((e) => [e.layer, e.share])));
  if (problem) problems.push({ path: ['exposures'], message: problem });
  return problems;
}

/**
 * What is wrong with a company's profiles: the base given as a profile (it is the company's `exposures`), the same
 * scope and from-year twice, or a profile's shares breaking the share rules. Paths start at `profiles`.
 */
export function profileProblems(profiles: readonly ProfileInput[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, number>();
  for (const [i, p] of profiles.entries()) {
    if (isBaseProfile(p))
      problems.push({
        path: ['profiles', i, 'fromYear'],
        message:
          "All metrics from the beginning is the base profile: set it as the company's exposures, or give this profile a from-year.",
      });
    const key = profileKeyString(p);
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({
        path: ['profiles', i, 'fromYear'],
        message: `${profileLabel(p)} appears twice (profiles ${first + 1} and ${i + 1}).`,
      });
    else seen.set(key, i);
    for (const e of exposureProblems(p.exposures)) problems.push({ ...e, path: ['profiles', i, ...e.path] });
  }
  return problems;
}

function checkExposures(
  exposures: readonly ExposureInput[] | undefined,
  profiles: readonly ProfileInput[] | undefined,
  ctx: z.RefinementCtx,
): void {
  for (const p of exposureProblems(exposures ?? [])) ctx.addIssue({ code: 'custom', ...p });
  for (const p of profileProblems(profiles ?? [])) ctx.addIssue({ code: 'custom', ...p });
}

/** Profiles in their stored order (scope, then from-year), so equal sets compare equal. */
export function sortProfiles<P extends { scope: ProfileScope; fromYear: number | null }>(profiles: readonly P[]): P[] {
  return [...profiles].sort(compareProfileKeys);
}

const companyCreateFields = companyFields.extend({
  status: companyFields.shape.status.default('public'),
  fiscalYearEndMonth: companyFields.shape.fiscalYearEndMonth.default(12),
  currency: companyFields.shape.currency.default('USD'),
  lists: companyFields.shape.lists.default([]),
  exposures: companyFields.shape.exposures.default([]),
  profiles: companyFields.shape.profiles.default([]),
});

export const companyInputSchema = companyCreateFields.superRefine((v, ctx) => checkExposures(v.exposures, v.profiles, ctx));
export type CompanyInput = z.output<typeof companyInputSchema>;

/**
 * A PATCH: the version the client read, optionally `archived` (false restores), and any subset of the fields,
 * each under the rules of a full write; the data layer merges it over the stored company. Unknown fields are
 * refused.
 */
export const companyPatchSchema = companyFields
  .partial()
  .extend({
    // Missing, it is a conflict (409 with the stored company), as a stale one is (docs/data-contract.md §7).
    version: z.number('The version must be the number you read.').int().min(1).optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => checkExposures(v.exposures, v.profiles, ctx));
export type CompanyPatch = z.output<typeof companyPatchSchema>;

/** The company form: the fields, and the exposure editor's percentages, which the action turns into shares. */
export const companyFormSchema = companyCreateFields.omit({ exposures: true, profiles: true }).extend({
  id: z.uuid().optional(),
  version: z.number().int().min(1).optional(),
  percentages: percentagesSchema,
  subLayers: z.partialRecord(z.enum(LAYER_KEYS), optionalText(60)).default({}),
  /** The profiles other than the base, each in the editor's percentages; all of them, as PATCH takes them. */
  profiles: z
    .array(
      profileInputSchema.omit({ exposures: true }).extend({
        percentages: percentagesSchema,
        subLayers: z.partialRecord(z.enum(LAYER_KEYS), optionalText(60)).default({}),
      }),
    )
    .max(200, 'At most 200 profiles.')
    .default([]),
});

export const bulkCompaniesSchema = z.object({
  ids: z.array(z.uuid()).min(1, 'Select at least one company.').max(10_000),
  action: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('add-to-list'), list: listNameSchema }),
    z.object({ kind: z.literal('remove-from-list'), list: listNameSchema }),
    z.object({ kind: z.literal('set-layer'), layer: z.enum(LAYER_KEYS) }),
    z.object({ kind: z.literal('archive') }),
    z.object({ kind: z.literal('restore') }),
  ]),
});
export type BulkCompaniesInput = z.output<typeof bulkCompaniesSchema>;
export type BulkAction = BulkCompaniesInput['action'];

export const companyIdSchema = z.object({ id: z.uuid() });
export const setArchivedSchema = companyIdSchema.extend({ archived: z.boolean() });

/** One layer's share as stored: an exact decimal string in (0, 1], with its optional sub-layer label. */
export interface ExposureView {
  layer: LayerKey;
  share: string;
  subLayer: string | null;
}

/** A profile other than the base, as every caller sees it (docs/data-contract.md §7: `{ scope, fromYear, exposures }`). */
export interface ProfileView {
  scope: ProfileScope;
  /** null = from the beginning (never with scope `all`: that is the base). */
  fromYear: number | null;
  /** In stack order; empty when the profile puts everything outside. */
  exposures: ExposureView[];
  /** 1 − Σ shares, exactly. */
  outside: string;
}

/** A company as every caller sees it: plain data, shares as exact decimal strings in stack order. */
export interface CompanyView {
  id: string;
  name: string;
  ticker: string | null;
  country: string | null;
  status: CompanyStatus;
  fiscalYearEndMonth: number;
  currency: string;
  website: string | null;
  description: string | null;
  archived: boolean;
  version: number;
  /** The base profile (`all`, from the beginning). */
  exposures: ExposureView[];
  outside: string;
  /** The other profiles, by scope (all, revenue, capex, operating_income) then from-year. */
  profiles: ProfileView[];
  /**
   * The current shares (docs/data-contract.md §2): the `all` profile for the current calendar year — the base
   * (fromYear null) unless an `all` profile from a year up to now exists. The companies table, the layer filter and
   * the primary layer use these.
   */
  current: { fromYear: number | null; exposures: ExposureView[]; outside: string };
  /** The largest current share (ties: the lower layer); null when everything is outside. */
  primaryLayer: LayerKey | null;
  lists: string[];
  createdAt: string;
  updatedAt: string;
}

/** One recorded change of a company. */
export interface CompanyHistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
}
