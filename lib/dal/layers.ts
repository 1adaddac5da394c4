import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { companies, layers } from '@/db/schema';
import { currentExposures } from './companies';
import { isLayerKey, LAYERS } from '../domain/layers';
import type { LayerCount, LayerView } from '../layers/schema';
import { dbOf, type Ctx } from './context';
import { assertRole } from './guard';

export async function listLayers(ctx: Ctx): Promise<LayerView[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db.select().from(layers).orderBy(asc(layers.position));
  return rows.flatMap((r) =>
    isLayerKey(r.key) ? [{ key: r.key, name: r.name, position: r.position, holds: r.holds, ends: r.ends }] : [],
  );
}

/** How many active companies earn from each layer (a current share above zero, docs/data-contract.md §2), in stack order. */
export async function companyCountsByLayer(ctx: Ctx): Promise<LayerCount[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const current = currentExposures(db);
  const rows = await db
    .select({ key: current.layerKey, n: sql<number>`count(distinct ${current.companyId})::int` })
    .from(current)
    .innerJoin(companies, eq(companies.id, current.companyId))
    .where(and(eq(companies.archived, false), gt(current.share, '0')))
    .groupBy(current.layerKey);
  const counts = new Map(rows.map((r) => [r.key, r.n]));
  return LAYERS.map((l) => ({ key: l.key, companies: counts.get(l.key) ?? 0 }));
}
