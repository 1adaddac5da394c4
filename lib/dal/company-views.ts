import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { companies, companyLists, exposures, layers, lists } from '@/db/schema';
import type { Database } from '@/db/types';
import { canonicalDecimal, outsideShare } from '../domain/decimal';
import type { CompanyInput, CompanyView } from '../companies/schema';
import { isLayerKey, LAYERS, type LayerKey } from '../domain/layers';
import { primaryLayer } from '../domain/shares';

type Reader = Pick<Database, 'select'>;
const position = new Map(LAYERS.map((l) => [l.key, l.position]));

/** Loads whole company views for a set of ids in three queries, in the order of `ids`. */
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
  const exposuresOf = groupBy(exposureRows, (e) => e.companyId);
  const listsOf = groupBy(listRows, (l) => l.companyId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return idList.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const own = (exposuresOf.get(id) ?? [])
      .filter((e) => isLayerKey(e.layer))
      .map((e) => ({ layer: e.layer as LayerKey, share: canonicalDecimal(e.share), subLayer: e.subLayer }))
      .sort((a, b) => position.get(a.layer)! - position.get(b.layer)!);
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
        outside: outsideShare(own.map((e) => e.share)),
        primaryLayer: primaryLayer(Object.fromEntries(own.map((e) => [e.layer, e.share]))),
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
  };
}

/** What the audit log keeps of a company: its data, without timestamps. */
export function companySnapshot(view: CompanyView) {
  const { createdAt: _c, updatedAt: _u, ...rest } = view;
  return rest;
}
