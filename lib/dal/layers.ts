import 'server-only';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { companies, exposures, layers } from '@/db/schema';
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

/** How many active companies earn from each layer (a share above zero), in stack order. */
export async function companyCountsByLayer(ctx: Ctx): Promise<LayerCount[]> {
  assertRole(ctx.actor, 'viewer');
  const db = await dbOf(ctx);
  const rows = await db
    .select({ key: exposures.layerKey, n: sql<number>`count(distinct ${exposures.companyId})::int` })
    .from(exposures)
    .innerJoin(companies, eq(companies.id, exposures.companyId))
    .where(and(eq(companies.archived, false), gt(exposures.share, '0')))
    .groupBy(exposures.layerKey);
  const counts = new Map(rows.map((r) => [r.key, r.n]));
  return LAYERS.map((l) => ({ key: l.key, companies: counts.get(l.key) ?? 0 }));
}
