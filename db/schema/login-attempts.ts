import { bigserial, index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const loginOutcomeEnum = pgEnum('login_outcome', ['succeeded', 'failed', 'throttled']);

/** Sign-in attempts, kept in the database so throttling holds across app servers. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Lower-cased as typed; recorded whether or not such a user exists. */
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    outcome: loginOutcomeEnum('outcome').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_at_idx').on(t.email, t.at), index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);
