import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Frozen dashboard answers for a memo (docs/data-contract.md §7, snapshots): the JSON every chart of a view was
 * drawn from, as the API gave it, under a name. Immutable; only an admin deletes one. Nothing here references a
 * company, so a snapshot survives data edits, imports and company deletions.
 */
export const snapshots = pgTable(
  'snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** Who froze it: the user while they exist, and always their label as it was. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The dashboard query string it was frozen from (canonical), and its filters with the year settled. */
    search: text('search').notNull(),
    filters: jsonb('filters').notNull(),
    charts: jsonb('charts').$type<string[] | null>(),
    /** The time of the data version every answer was computed at. */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    answers: jsonb('answers').notNull(),
  },
  (t) => [index('snapshots_created_at_idx').on(t.createdAt)],
);
