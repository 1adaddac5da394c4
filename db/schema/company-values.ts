import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, numeric, pgEnum, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { metricEnum } from './figures';

export const basisEnum = pgEnum('value_basis', ['calendar', 'fiscal']);
export const missingCodeEnum = pgEnum('missing_code', ['no_figure', 'no_fx_rate']);

/**
 * Every company's value of each metric, on each basis, for each calendar (or fiscal) year, under both estimates
 * modes (docs/data-contract.md §3–§4): what the analytics read instead of recomputing the rules per request.
 * Maintained by database triggers in the transaction of every write to figures, fx_rates or companies
 * (migration 0008 and docs/architecture.md, "Materialised company values"); never written by the app.
 *
 * - `numerator` is Σ value × months × rate, exact, before the one division by 12 (done in decimal.js when read,
 *   as the reference `companyYearValue` does). Null when the company is missing; then `code` and `reason` say why.
 * - `excl_*`: the same with estimates excluded, only where that differs from the first group; all three null
 *   means "as above" (a value without estimates, or a reason no estimate is involved in). Most rows need one group.
 * - Only the years where the company has a figure of the metric in a fiscal year the year spans are stored, and
 *   not those whose answer is the standard "no revenue for FY2024" (no figure for the fiscal year `year`): the
 *   reader makes those up, so a company with no row for a year is missing with exactly that reason.
 * - Shares are not here: they are applied when aggregating, so exposure changes need no refresh.
 * - No foreign key to companies: its check (a lookup and a row lock in companies per inserted row) made a full
 *   refresh about a quarter slower; a delete trigger on companies removes a company's rows instead.
 */
export const companyValues = pgTable(
  'company_values',
  {
    companyId: uuid('company_id').notNull(),
    metric: metricEnum('metric').notNull(),
    basis: basisEnum('basis').notNull(),
    year: smallint('year').notNull(),
    numerator: numeric('numerator'),
    estimated: boolean('estimated').notNull().default(false),
    code: missingCodeEnum('code'),
    reason: text('reason'),
    exclNumerator: numeric('excl_numerator'),
    exclCode: missingCodeEnum('excl_code'),
    exclReason: text('excl_reason'),
  },
  (t) => [
    // The analytics read one metric, basis and range of years for every company of a set.
    primaryKey({ columns: [t.metric, t.basis, t.year, t.companyId] }),
    // A refresh replaces the rows of the companies it recomputes.
    index('company_values_company_idx').on(t.companyId),
    check('company_values_value_or_reason', sql`(${t.numerator} is null) = (${t.code} is not null)`),
    check('company_values_reason', sql`(${t.code} is null) = (${t.reason} is null)`),
    check('company_values_estimated', sql`not ${t.estimated} or ${t.numerator} is not null`),
    check('company_values_excl', sql`${t.exclNumerator} is null or ${t.exclCode} is null`),
    check('company_values_excl_reason', sql`(${t.exclCode} is null) = (${t.exclReason} is null)`),
  ],
);

/**
 * The refresh queue of the transactions writing now: the triggers add what a statement changed, and the
 * transaction's commit-time trigger empties it (so no row outlives its transaction). A row names a company whose
 * figures or fiscal year end changed (with the currency of a written figure, for the lock that orders it after a
 * rate change), or a currency and year whose FX rate changed.
 */
export const companyValuesQueue = pgTable('company_values_queue', {
  companyId: uuid('company_id'),
  currency: text('currency'),
  fxYear: smallint('fx_year'),
});

/** One row per writing transaction, while it runs: its deferred trigger refreshes the queue once, at commit. */
export const companyValuesCommits = pgTable('company_values_commits', {
  txid: bigint('txid', { mode: 'number' }).primaryKey(),
});
