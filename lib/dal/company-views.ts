import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { companies, companyLists, exposureProfiles, exposures, layers, lists, profileExposures } from '@/db/schema';
import type { Database } from '@/db/types';
import { canonicalDecimal, outsideShare } from '../domain/decimal';
import type { CompanyInput, CompanyView, ExposureView, ProfileView } from '../companies/schema';
import { isLayerKey, LAYERS, type LayerKey } from '../domain/layers';
import { compareProfileKeys, currentCalendarYear, currentProfile, type ProfileScope } from '../domain/profiles';
import { primaryLayer } from '../domain/shares';

type Reader = Pick<Database, 'select'>;
const position = new Map(LAYERS.map((l) => [l.key, l.position]));

function exposureViews(rows: readonly { layer: string; share: string; subLayer: string | null }[]): ExposureView[] {
  return rows
    .filter((e) => isLayerKey(e.layer))
    .map((e) => ({ layer: e.layer as LayerKey, share: canonicalDecimal(e.share), subLayer: e.subLayer }))
    .sort((a, b) => position.get(a.layer)! - position.get(b.layer)!);
}

/** Each company's profiles other than the base, sorted by scope then from-year. */
export async function loadProfiles(db: Reader, ids: readonly string[]): Promise<Map<string, ProfileView[]>> {
  const byCompany = new Map<string, ProfileView[]>();
  if (ids.length === 0) return byCompany;
  const profileRows = await db
    .select({
      id: exposureProfiles.id,
      companyId: exposureProfiles.companyId,
      scope: exposureProfiles.scope,
      fromYear: exposureProfiles.fromYear,
    })
    .from(exposureProfiles)
    .where(inArray(exposureProfiles.companyId, [...ids]));
  if (profileRows.length === 0) return byCompany;
  const shareRows = await db
    .select({
      profileId: profileExposures.profileId,
      layer: profileExposures.layerKey,
      share: profileExposures.share,
      subLayer: profileExposures.subLayer,
    })
    .from(profileExposures)
    .innerJoin(exposureProfiles, eq(exposureProfiles.id, profileExposures.profileId))
    .where(inArray(exposureProfiles.companyId, [...ids]));
  const sharesOf = groupBy(shareRows, (r) => r.profileId);
  for (const p of profileRows) {
    const own = exposureViews(sharesOf.get(p.id) ?? []);
    const view: ProfileView = {
      scope: p.scope as ProfileScope,
      fromYear: p.fromYear,
      exposures: own,
      outside: outsideShare(own.map((e) => e.share)),
    };
    const list = byCompany.get(p.companyId);
    if (list) list.push(view);
    else byCompany.set(p.companyId, [view]);
  }
  for (const list of byCompany.values()) list.sort(compareProfileKeys);
  return byCompany;
}

/** Loads whole company views for a set of ids in five queries at most, in the order of `ids`. */
export async function loadCompanyViews(db: Reader, ids: readonly string[]): Promise<CompanyView[]> {
  if (ids.length === 0) return [];
  const idList = [...ids];
  // Sequential on purpose: `db` may be a transaction, which runs one query at a time.
  const rows = await db.select().from(companies).where(inArray(companies.id, idList));
  const exposureRows = await db
    .select({ companyId: exposures.companyId, layer: exposures.layerKey, share: exposures.share, subLayer: exposures.subLayer })
    .from(exposures)
    .innerJoin(layers, eq(layers.key, exposures.layerKey))
    .where(inArray(exposures.companyId, idList))
    .orderBy(asc(layers.position));
  const listRows = await db
    .select({ companyId: companyLists.companyId, name: lists.name })
    .from(companyLists)
    .innerJoin(lists, eq(lists.id, companyLists.listId))
    .where(inArray(companyLists.companyId, idList))
    .orderBy(asc(lists.nameKey));
  const profilesOf = await loadProfiles(db, idList);
  const exposuresOf = groupBy(exposureRows, (e) => e.companyId);
  const year = currentCalendarYear();
  const listsOf = groupBy(listRows, (l) => l.companyId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return idList.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const own = exposureViews(exposuresOf.get(id) ?? []);
    const outside = outsideShare(own.map((e) => e.share));
    const profiles = profilesOf.get(id) ?? [];
    const applies = currentProfile(profiles, year);
    const current = 'exposures' in applies ? applies : { fromYear: null, exposures: own, outside };
    return [
      {
        id: row.id,
        name: row.name,
        ticker: row.ticker,
        country: row.country,
        status: row.status,
        fiscalYearEndMonth: row.fiscalYearEndMonth,
        currency: row.currency,
        website: row.website,
        description: row.description,
        archived: row.archived,
        version: row.version,
        exposures: own,
        outside,
        profiles,
        current: { fromYear: current.fromYear, exposures: current.exposures, outside: current.outside },
        primaryLayer: primaryLayer(Object.fromEntries(current.exposures.map((e) => [e.layer, e.share]))),
        lists: (listsOf.get(id) ?? []).map((l) => l.name),
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      },
    ];
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A stored company as input, so a patch or a bulk action can be applied over it and written like a full write. */
export function viewAsInput(view: CompanyView): CompanyInput {
  return {
    name: view.name,
    ticker: view.ticker,
    country: view.country,
    status: view.status,
    fiscalYearEndMonth: view.fiscalYearEndMonth,
    currency: view.currency,
    website: view.website,
    description: view.description,
    lists: view.lists,
    exposures: view.exposures,
    profiles: view.profiles.map(({ scope, fromYear, exposures }) => ({ scope, fromYear, exposures })),
  };
}

/**
 * What the audit log keeps of a company: its data, without timestamps and without what is derived from it (the
 * current shares), so a diff names the fields that were changed. Profiles are kept as `{ scope, fromYear,
 * exposures }`, in their stored order.
 */
export function companySnapshot(view: CompanyView) {
  const { createdAt: _c, updatedAt: _u, current: _current, ...rest } = view;
  return { ...rest, profiles: rest.profiles.map(({ scope, fromYear, exposures }) => ({ scope, fromYear, exposures })) };
}
