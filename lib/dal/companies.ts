import 'server-only';
import { and, asc, desc, eq, exists, ilike, isNotNull, lte, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { auditEvents, companies, companyLists, exposureProfiles, exposures, layers, lists, profileExposures } from '@/db/schema';
import type { Database } from '@/db/types';
import type { CompanyFilter } from '../companies/filter';
import type { CompanyHistoryEntry, CompanyView } from '../companies/schema';
import { caseFold } from '../domain/case-fold';
import { NotFoundError } from '../errors';
import { loadCompanyViews } from './company-views';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';
import { escapeLike } from './sql-helpers';
import { isUuid } from '../domain/ids';
import { currentCalendarYear } from '../domain/profiles';

/**
 * Every company's current shares (docs/data-contract.md §2): its `all` profile for the current calendar year — the
 * latest `all` profile from a year up to now, else its base exposures. One row per company × layer with a share.
 */
export function currentExposures(db: Pick<Database, 'select' | 'selectDistinctOn' | '$with'>) {
  const year = currentCalendarYear();
  const started = and(eq(exposureProfiles.scope, 'all'), lte(exposureProfiles.fromYear, year));
  const latest = db
    .selectDistinctOn([exposureProfiles.companyId], { id: exposureProfiles.id, companyId: exposureProfiles.companyId })
    .from(exposureProfiles)
    .where(started)
    .orderBy(exposureProfiles.companyId, desc(exposureProfiles.fromYear))
    .as('latest_all');
  return db
    .select({ companyId: exposures.companyId, layerKey: exposures.layerKey, share: exposures.share })
    .from(exposures)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(exposureProfiles)
          .where(and(eq(exposureProfiles.companyId, exposures.companyId), started)),
      ),
    )
    .unionAll(
      db
        .select({ companyId: latest.companyId, layerKey: profileExposures.layerKey, share: profileExposures.share })
        .from(latest)
        .innerJoin(profileExposures, eq(profileExposures.profileId, latest.id)),
    )
    .as('current_exposures');
}

/** Each company's primary layer: its largest share, ties to the lower layer (docs/data-contract.md §2). */
function primaryLayers(db: Pick<Database, '$with' | 'select' | 'selectDistinctOn'>) {
  const current = currentExposures(db);
  return db.$with('primary_layers').as(
    db
      .selectDistinctOn([current.companyId], {
        companyId: current.companyId,
        layerKey: current.layerKey,
        position: layers.position,
      })
      .from(current)
      .innerJoin(layers, eq(layers.key, current.layerKey))
      .orderBy(current.companyId, desc(current.share), asc(layers.position)),
  );
}

/** The WHERE clause of a filter (everything but paging), shared by the list and the export. */
function companyFilterCondition(
  db: Pick<Database, '$with' | 'select' | 'selectDistinctOn'>,
  filter: CompanyFilter,
  primary: ReturnType<typeof primaryLayers>,
): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filter.archived === 'exclude') where.push(eq(companies.archived, false));
  if (filter.archived === 'only') where.push(eq(companies.archived, true));
  if (filter.q) {
    const pattern = `%${escapeLike(caseFold(filter.q))}%`;
    where.push(or(ilike(companies.nameKey, pattern), ilike(companies.tickerKey, pattern)));
  }
  if (filter.layer && filter.layerMode === 'primary') where.push(eq(primary.layerKey, filter.layer));
  if (filter.layer && filter.layerMode === 'any') {
    const current = currentExposures(db);
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(current)
          .where(and(eq(current.companyId, companies.id), eq(current.layerKey, filter.layer))),
      ),
    );
  }
  if (filter.list)
    where.push(
      exists(
        sql`(select 1 from ${companyLists} join ${lists} on ${lists.id} = ${companyLists.listId}
             where ${companyLists.companyId} = ${companies.id} and ${lists.nameKey} = ${caseFold(filter.list)})`,
      ),
    );
  if (filter.status) where.push(eq(companies.status, filter.status));
  if (filter.country) where.push(eq(companies.country, filter.country));
  return and(...where);
}

function orderBy(filter: CompanyFilter, primary: ReturnType<typeof primaryLayers>): SQL[] {
  const dir = filter.dir === 'desc' ? desc : asc;
  const nullsLast = (column: SQL | AnyPgColumn) =>
    filter.dir === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  const byName = asc(companies.nameKey);
  switch (filter.sort) {
    case 'ticker':
      return [nullsLast(companies.tickerKey), byName];
    case 'country':
      return [nullsLast(companies.country), byName];
    case 'status':
      return [dir(companies.status), byName];
    case 'primary':
      return [nullsLast(sql`${primary.position}`), byName];
    case 'updated':
      return [dir(companies.updatedAt), byName];
    case 'name':
      return [dir(companies.nameKey), asc(companies.id)];
  }
}

/** One page of the universe, filtered and sorted in SQL; the total counts the whole filtered set. */
export async function listCompanies(ctx: Ctx, filter: CompanyFilter): Promise<{ items: CompanyView[]; total: number }> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const primary = primaryLayers(db);
  const rows = await db
    .with(primary)
    .select({ id: companies.id, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(companies)
    .leftJoin(primary, eq(primary.companyId, companies.id))
    .where(companyFilterCondition(db, filter, primary))
    .orderBy(...orderBy(filter, primary))
    .limit(filter.limit)
    .offset(filter.offset);
  const total = rows[0]?.total ?? (filter.offset > 0 ? await countCompanies(db, filter) : 0);
  return {
    items: await loadCompanyViews(
      db,
      rows.map((r) => r.id),
    ),
    total,
  };
}

async function countCompanies(db: Database, filter: CompanyFilter): Promise<number> {
  const primary = primaryLayers(db);
  const [row] = await db
    .with(primary)
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(companies)
    .leftJoin(primary, eq(primary.companyId, companies.id))
    .where(companyFilterCondition(db, filter, primary));
  return row?.n ?? 0;
}

/** The ids of every company a filter selects, in its order (for export and bulk selection). */
export async function companyIdsForFilter(db: Database, filter: CompanyFilter): Promise<string[]> {
  const primary = primaryLayers(db);
  const rows = await db
    .with(primary)
    .select({ id: companies.id })
    .from(companies)
    .leftJoin(primary, eq(primary.companyId, companies.id))
    .where(companyFilterCondition(db, filter, primary))
    .orderBy(...orderBy(filter, primary));
  return rows.map((r) => r.id);
}

export async function getCompany(ctx: Ctx, id: string): Promise<CompanyView> {
  assertRole(ctx.actor, 'viewer');
  if (!isUuid(id)) throw new NotFoundError('No such company.');
  const db = await dbOf(ctx);
  const [view] = await loadCompanyViews(db, [id]);
  if (!view) throw new NotFoundError('No such company.');
  return view;
}

/** Every recorded change of one company, newest first; readable by every role. */
export async function companyHistory(ctx: Ctx, id: string): Promise<CompanyHistoryEntry[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'company'), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}

/** The countries of the active universe, for country pickers. */
export async function companyCountries(ctx: Ctx): Promise<string[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db
    .selectDistinct({ country: companies.country })
    .from(companies)
    .where(and(eq(companies.archived, false), isNotNull(companies.country)))
    .orderBy(companies.country);
  return rows.flatMap((r) => (r.country ? [r.country] : []));
}
