import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const companyStatusEnum = pgEnum('company_status', ['public', 'private']);

/** The research universe (docs/data-contract.md §2). The companies issue builds the screens on this table. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The name case-folded by the app (Unicode folding, which `lower()` does not do); unique. */
    nameKey: text('name_key').notNull(),
    ticker: text('ticker'),
    tickerKey: text('ticker_key'),
    country: text('country'),
    status: companyStatusEnum('status').notNull().default('public'),
    fiscalYearEndMonth: smallint('fiscal_year_end_month').notNull().default(12),
    currency: text('currency').notNull().default('USD'),
    website: text('website'),
    description: text('description'),
    archived: boolean('archived').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_name_key_key').on(t.nameKey),
    uniqueIndex('companies_ticker_key_key').on(t.tickerKey),
    check('companies_fy_end_month', sql`${t.fiscalYearEndMonth} between 1 and 12`),
    check('companies_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('companies_country_iso', sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
    check('companies_name_length', sql`length(${t.name}) between 1 and 200`),
    index('companies_archived_name_idx').on(t.archived, t.nameKey),
  ],
);
