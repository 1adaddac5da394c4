import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { figureKindEnum } from './figures';
import { layers } from './layers';

/**
 * Who pays whom (docs/data-contract.md §9): payer company × payer layer × payee company × payee layer × calendar
 * year × kind → value in millions of `currency`. A company's permanent delete takes its flows with it (the company
 * delete audits each one first); that each layer is one the company has a share in is checked by the data layer,
 * which knows the company's exposures (lib/dal/flow-layers.ts).
 */
export const flows = pgTable(
  'flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    payerId: uuid('payer_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    payerLayer: text('payer_layer')
      .notNull()
      .references(() => layers.key),
    payeeId: uuid('payee_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    payeeLayer: text('payee_layer')
      .notNull()
      .references(() => layers.key),
    year: smallint('year').notNull(),
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
    uniqueIndex('flows_natural_key').on(t.payerId, t.payerLayer, t.payeeId, t.payeeLayer, t.year, t.kind),
    // The analytics read one year; a company's flows are read as payer (the key's prefix) or as payee.
    index('flows_year_idx').on(t.year),
    index('flows_payee_idx').on(t.payeeId, t.year),
    check('flows_payer_not_payee', sql`${t.payerId} <> ${t.payeeId}`),
    check('flows_year_range', sql`${t.year} between 1990 and 2100`),
    check('flows_non_negative', sql`${t.value} >= 0`),
    check('flows_value_scale', sql`scale(${t.value}) <= 6`),
    check('flows_value_bound', sql`${t.value} < 1000000000000`),
    check('flows_currency_iso', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('flows_source_length', sql`${t.source} is null or length(${t.source}) <= 2000`),
  ],
);
