import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every write, by anyone, through any door (UI, API, CLI, import). Actor columns are copied, not
 * referenced, so the log outlives the users it names.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** The actor's email, or "system" for the CLI without --as and for start-up tasks. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorLabel),
    // A company's figure history: figure events name their company inside the snapshot, not in a column.
    index('audit_events_figure_company_idx')
      .on(sql`coalesce(${t.after}->>'companyId', ${t.before}->>'companyId')`, t.at)
      .where(sql`${t.entityType} = 'figure'`),
  ],
);
