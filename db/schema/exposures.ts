import { sql } from 'drizzle-orm';
import { check, index, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { layers } from './layers';

/** Company × layer → share in (0, 1], stored exactly and never renormalised (docs/data-contract.md §2). */
export const exposures = pgTable(
  'exposures',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    layerKey: text('layer_key')
      .notNull()
      .references(() => layers.key),
    share: numeric('share').notNull(),
    subLayer: text('sub_layer'),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.layerKey] }),
    check('exposures_share_range', sql`${t.share} > 0 and ${t.share} <= 1`),
    check('exposures_share_scale', sql`scale(${t.share}) <= 20`),
    index('exposures_layer_idx').on(t.layerKey, t.companyId),
  ],
);
