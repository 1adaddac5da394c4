import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Small facts the app records about itself, such as "demo data loaded" (SPEC §8). */
export const appState = pgTable('app_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
