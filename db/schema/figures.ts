import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from './companies';

export const metricEnum = pgEnum('metric', ['revenue', 'capex', 'operating_income']);
export const figureKindEnum = pgEnum('figure_kind', ['reported', 'estimate']);

/**
 * Company × fiscal year × quarter (null: the full year) × metric × kind → value in millions of `currency`
 * (docs/data-contract.md §2). `fiscal_year` is the calendar year in which the fiscal year ends.
 */
export const figures = pgTable(
  'figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    fiscalYear: smallint('fiscal_year').notNull(),
    fiscalQuarter: smallint('fiscal_quarter'),
    metric: metricEnum('metric').notNull(),
    kind: figureKindEnum('kind').notNull(),
    value: numeric('value').notNull(),
    currency: text('currency').notNull(),
    source: text('source'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The natural key; a full-year figure has no quarter, so null is folded to 0 for uniqueness.
    uniqueIndex('figures_natural_key').on(t.companyId, t.fiscalYear, sql`coalesce(${t.fiscalQuarter}, 0)`, t.metric, t.kind),
    index('figures_year_metric_idx').on(t.fiscalYear, t.metric),
    // The analytics read (lib/dal/analytics/company-values.ts): one metric, a range of years, every company, from
    // the index alone. What it reads is in the key because Drizzle cannot declare INCLUDE columns (bench/README.md).
    index('figures_metric_year_company_idx').on(
      t.metric,
      t.fiscalYear,
      t.companyId,
      t.fiscalQuarter,
      t.kind,
      t.value,
      t.currency,
    ),
    check('figures_fiscal_year_range', sql`${t.fiscalYear} between 1990 and 2100`),
    check('figures_quarter_range', sql`${t.fiscalQuarter} is null or ${t.fiscalQuarter} between 1 and 4`),
    check('figures_non_negative', sql`${t.metric} = 'operating_income' or ${t.value} >= 0`),
    check('figures_value_scale', sql`scale(${t.value}) <= 6`),
    // At most 12 integer digits (docs/data-contract.md §2), whatever path writes the row.
    check('figures_value_bound', sql`abs(${t.value}) < 1000000000000`),
    check('figures_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('figures_source_length', sql`${t.source} is null or length(${t.source}) <= 2000`),
  ],
);

/** USD per one unit of a currency, the average of a calendar year (docs/data-contract.md §2); USD itself needs no row. */
export const fxRates = pgTable(
  'fx_rates',
  {
    currency: text('currency').notNull(),
    year: smallint('year').notNull(),
    usdPerUnit: numeric('usd_per_unit').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.currency, t.year] }),
    check('fx_rates_positive', sql`${t.usdPerUnit} > 0`),
    check('fx_rates_bound', sql`${t.usdPerUnit} < 1000000 and scale(${t.usdPerUnit}) <= 20`),
    check('fx_rates_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$' and ${t.currency} <> 'USD'`),
    check('fx_rates_year_range', sql`${t.year} between 1990 and 2100`),
  ],
);
