import { pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** The six fixed layers (docs/data-contract.md §1), seeded by a migration and checked against `LAYERS` at start. */
export const layers = pgTable('layers', {
  key: text('key').primaryKey(),
  position: smallint('position').notNull().unique(),
  name: text('name').notNull(),
  holds: text('holds').notNull(),
  ends: text('ends').notNull(),
});
