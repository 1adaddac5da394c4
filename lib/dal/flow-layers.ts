import 'server-only';
import { and, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { companies, exposureProfiles, exposures, flows, profileExposures } from '@/db/schema';
import type { Database } from '@/db/types';
import type { CompanyLayers } from '../domain/flows/batch-rules';
import { flowLabel } from '../domain/flows/input';
import type { LayerKey } from '../domain/layers';
import { RuleError } from '../errors';
import { chunks } from './sql-helpers';

type Reader = Pick<Database, 'select'>;

/**
 * The companies of `ids` that exist, each with its name and the layers where it has a share > 0 in any of its
 * profiles (the base or another): the layers its flows may name (docs/data-contract.md §9). The one place that says
 * which layers a company is in for flows.
 */
export async function companyLayers(db: Reader, ids: readonly string[]): Promise<Map<string, CompanyLayers>> {
  const found = new Map<string, { name: string; layers: Set<LayerKey> }>();
  for (const part of chunks([...new Set(ids)], 1000)) {
    const rows = await db
      .select({ id: companies.id, name: companies.name, layer: exposures.layerKey })
      .from(companies)
      .leftJoin(exposures, and(eq(exposures.companyId, companies.id), sql`${exposures.share} > 0`))
      .where(inArray(companies.id, part));
    for (const r of rows) {
      const company = found.get(r.id) ?? found.set(r.id, { name: r.name, layers: new Set() }).get(r.id)!;
      if (r.layer) company.layers.add(r.layer as LayerKey);
    }
    const inProfiles = await db
      .select({ id: exposureProfiles.companyId, layer: profileExposures.layerKey })
      .from(exposureProfiles)
      .innerJoin(profileExposures, eq(profileExposures.profileId, exposureProfiles.id))
      .where(and(inArray(exposureProfiles.companyId, part), sql`${profileExposures.share} > 0`));
    for (const r of inProfiles) found.get(r.id)?.layers.add(r.layer as LayerKey);
  }
  return found;
}

/** A flow a change of shares would leave in a layer its company is no longer in, as a message names it. */
export interface OrphanedFlow {
  id: string;
  /** The company's side of the flow: the layer it would no longer be in. */
  layer: LayerKey;
  label: string;
}

const payer = alias(companies, 'payer');
const payee = alias(companies, 'payee');

/**
 * The flows that would be orphaned if company `companyId` were in exactly `layers` (docs/data-contract.md §9): its
 * flows as payer in another payer layer, and as payee in another payee layer.
 */
export async function flowsOrphanedBy(db: Reader, companyId: string, layers: readonly LayerKey[]): Promise<OrphanedFlow[]> {
  const outside = (column: typeof flows.payerLayer | typeof flows.payeeLayer) =>
    layers.length > 0 ? notInArray(column, [...layers]) : undefined;
  const rows = await db
    .select({ flow: flows, payer: payer.name, payee: payee.name })
    .from(flows)
    .innerJoin(payer, eq(payer.id, flows.payerId))
    .innerJoin(payee, eq(payee.id, flows.payeeId))
    .where(
      or(
        and(eq(flows.payerId, companyId), outside(flows.payerLayer)),
        and(eq(flows.payeeId, companyId), outside(flows.payeeLayer)),
      ),
    )
    .orderBy(flows.year, payer.nameKey, payee.nameKey, flows.kind);
  return rows.map((r) => ({
    id: r.flow.id,
    layer: (r.flow.payerId === companyId ? r.flow.payerLayer : r.flow.payeeLayer) as LayerKey,
    label: flowLabel({ ...r.flow, payerLayer: r.flow.payerLayer as LayerKey, payeeLayer: r.flow.payeeLayer as LayerKey }, r),
  }));
}

/**
 * The layers a company's profiles put it in: those with a share in its base or in any other profile (every stored
 * share is > 0).
 */
export function layersOf(
  base: readonly { layer: LayerKey }[],
  profiles: readonly { exposures: readonly { layer: LayerKey }[] }[],
): LayerKey[] {
  return [...new Set([...base, ...profiles.flatMap((p) => p.exposures)].map((e) => e.layer))];
}

/** How many orphaned flows a refusal names before "and N more". */
const NAMED = 10;

/** The refusal's text: the company, and the flows by name. */
export function orphanedFlowsMessage(company: string, orphaned: readonly OrphanedFlow[]): string {
  const named = orphaned.slice(0, NAMED).map((f) => f.label);
  const more = orphaned.length > NAMED ? ` and ${orphaned.length - NAMED} more` : '';
  return `This would leave ${orphaned.length === 1 ? 'a flow' : `${orphaned.length} flows`} of ${company} in a layer it is no longer in: ${named.join('; ')}${more}. Change or delete ${orphaned.length === 1 ? 'it' : 'them'} first.`;
}

/** Refuses a change of a company's layers that would orphan any of its flows, naming them (a 422 on `exposures`). */
export async function assertNoOrphanedFlows(
  db: Reader,
  company: { id: string; name: string },
  layers: readonly LayerKey[],
): Promise<void> {
  const orphaned = await flowsOrphanedBy(db, company.id, layers);
  if (orphaned.length === 0) return;
  const message = orphanedFlowsMessage(company.name, orphaned);
  throw new RuleError(message, [{ path: ['exposures'], message }]);
}
