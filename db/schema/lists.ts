import { pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, index } from 'drizzle-orm/pg-core';
import { companies } from './companies';

/** Named sets of companies (docs/data-contract.md §2); `Portfolio` and `Watchlist` are seeded by a migration. */
export const lists = pgTable(
  'lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The name case-folded by the app; unique, so names are unique case-insensitively. */
    nameKey: text('name_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('lists_name_key_key').on(t.nameKey)],
);

export const companyLists = pgTable(
  'company_lists',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    listId: uuid('list_id')
      .notNull()
      .references(() => lists.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.listId] }), index('company_lists_list_idx').on(t.listId)],
);
