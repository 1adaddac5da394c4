import { sql } from 'drizzle-orm';
import { boolean, check, customType, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** PostgreSQL `bytea`: both drivers hand it back as a Uint8Array (node-postgres as a Buffer, which is one). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The firm's mark (docs/data-contract.md §7, firm): its name and logo, set by an admin, shown on the memo pack's
 * title slide and in export footers. One row at most: its key can only be true. The logo's columns are all set or
 * all empty; the bytes are a PNG or JPEG the app has decoded whole before storing.
 */
export const firmSettings = pgTable(
  'firm_settings',
  {
    id: boolean('id').primaryKey().default(true),
    name: text('name'),
    logo: bytea('logo'),
    logoMime: text('logo_mime'),
    logoWidth: integer('logo_width'),
    logoHeight: integer('logo_height'),
    /** SHA-256 of the bytes, hex: the logo's ETag and the version in its URL. */
    logoSha256: text('logo_sha256'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who changed it last: the user while they exist, and always their label as it was ("system" from the CLI). */
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedByLabel: text('updated_by_label').notNull(),
  },
  (t) => [
    check('firm_settings_one_row', sql`${t.id}`),
    check('firm_settings_name_length', sql`${t.name} is null or length(${t.name}) between 1 and 120`),
    check(
      'firm_settings_logo_whole',
      sql`(${t.logo} is null) = (${t.logoMime} is null) and (${t.logo} is null) = (${t.logoWidth} is null) and (${t.logo} is null) = (${t.logoHeight} is null) and (${t.logo} is null) = (${t.logoSha256} is null)`,
    ),
    check('firm_settings_logo_mime', sql`${t.logoMime} is null or ${t.logoMime} in ('image/png', 'image/jpeg')`),
  ],
);
