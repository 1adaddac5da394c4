import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Saved dashboard views (docs/data-contract.md §7, views): a user's name for a set of filters, gap inputs and the
 * charts its memo pack ticks, kept for themselves or shared with the team. Not data: a view changes no analytics
 * answer and no data version.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The name case-folded by the app: one owner's views have distinct names case-insensitively. */
    nameKey: text('name_key').notNull(),
    shared: boolean('shared').notNull().default(false),
    /** The dashboard's query string in its canonical form (`dashboardFiltersToSearch`); empty for the defaults. */
    search: text('search').notNull(),
    /** The chart ids the memo pack ticks; null for all of them. */
    charts: jsonb('charts').$type<string[] | null>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_views_owner_name_key').on(t.ownerId, t.nameKey), index('saved_views_shared_idx').on(t.shared)],
);
