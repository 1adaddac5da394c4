import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgEnum, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { layers } from './layers';

/** What a profile's shares serve: every metric, or one (docs/data-contract.md §2, "Exposure profiles"). */
export const profileScopeEnum = pgEnum('profile_scope', ['all', 'revenue', 'capex', 'operating_income']);

/**
 * A company's exposure profiles other than its base (the base, `all` from the beginning, is the `exposures` table):
 * one row per company × scope × from-year (null = from the beginning), so a profile that puts everything outside
 * the stack (no share rows) still exists. Edited with the company: a profile change bumps the company's version.
 */
export const exposureProfiles = pgTable(
  'exposure_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    scope: profileScopeEnum('scope').notNull(),
    fromYear: integer('from_year'),
  },
  (t) => [
    unique('exposure_profiles_key').on(t.companyId, t.scope, t.fromYear).nullsNotDistinct(),
    check('exposure_profiles_not_base', sql`not (${t.scope} = 'all' and ${t.fromYear} is null)`),
    check('exposure_profiles_from_year', sql`${t.fromYear} is null or ${t.fromYear} between 1990 and 2100`),
  ],
);

/** A profile × layer → share in (0, 1], exactly as `exposures` holds the base's. */
export const profileExposures = pgTable(
  'profile_exposures',
  {
    profileId: uuid('profile_id')
      .notNull()
      .references(() => exposureProfiles.id, { onDelete: 'cascade' }),
    layerKey: text('layer_key')
      .notNull()
      .references(() => layers.key),
    share: numeric('share').notNull(),
    subLayer: text('sub_layer'),
  },
  (t) => [
    primaryKey({ columns: [t.profileId, t.layerKey] }),
    check('profile_exposures_share_range', sql`${t.share} > 0 and ${t.share} <= 1`),
    check('profile_exposures_share_scale', sql`scale(${t.share}) <= 20`),
    index('profile_exposures_layer_idx').on(t.layerKey, t.profileId),
  ],
);
