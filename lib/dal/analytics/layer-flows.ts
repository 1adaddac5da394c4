import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { LayerFlowsAnswer, LayerFlowsQuery } from '../../analytics/query';
import { layerFlows, type LayerSideSums } from '../../domain/analytics/layer-flows';
import { money } from '../../domain/analytics/numbers';
import { Dec } from '../../domain/decimal';
import { dbOf, type Ctx } from '../context';
import { assertRole } from '../guard';
import { selectRows } from '../sql-helpers';
import { answerOncePerVersion } from './answer-cache';
import { companySetCondition } from './company-set';
import { scopedFlowsCtes } from './flows';
import { flowAnalytics } from '.';

/** How many payers and payees a layer page lists. */
export const LAYER_TOP_PARTIES = 10;
/** How many flows without a rate a side names. */
const LISTED_MISSING = 50;

interface SideRow {
  total: string | null;
  flows: number;
  top: { id: string; name: string; value: string; flows: number }[] | null;
  parties: number;
  missing: { payer: string; payee: string; currency: string }[] | null;
  missing_count: number;
}

/**
 * One side of a layer over the in-scope flows of `./flows.ts` (the same choice, scope and USD values): the flows
 * whose `side` layer is the layer, summed exactly per company at the other end.
 */
function sideSql(q: LayerFlowsQuery, side: 'payee' | 'payer'): SQL {
  const other = side === 'payee' ? 'payer' : 'payee';
  const layerColumn = sql.raw(`${side}_layer`);
  const id = sql.raw(`${other}_id`);
  const name = sql.raw(other);
  const key = sql.raw(`${other}_key`);
  return sql`
    (select json_build_object(
       'total', (select sum(usd)::text from known where ${layerColumn} = ${q.layer}),
       'flows', (select count(*)::int from known where ${layerColumn} = ${q.layer}),
       'top', (select json_agg(json_build_object('id', t.id, 'name', t.name, 'value', t.value::text, 'flows', t.n)
                 order by t.value desc, t.name_key collate "C", t.id)
               from (select ${id} as id, ${name} as name, ${key} as name_key, sum(usd) as value, count(*)::int as n
                     from known where ${layerColumn} = ${q.layer} group by 1, 2, 3
                     order by sum(usd) desc, ${key} collate "C", ${id} limit ${LAYER_TOP_PARTIES}) t),
       'parties', (select count(distinct ${id})::int from known where ${layerColumn} = ${q.layer}),
       'missing', (select json_agg(json_build_object('payer', t.payer, 'payee', t.payee, 'currency', t.currency)
                     order by t.payer_key collate "C", t.payee_key collate "C")
                   from (select * from scoped where usd is null and ${layerColumn} = ${q.layer}
                         order by payer_key collate "C", payee_key collate "C" limit ${LISTED_MISSING}) t),
       'missing_count', (select count(*)::int from scoped where usd is null and ${layerColumn} = ${q.layer})
     ))`;
}

function sideOf(row: SideRow, year: number): LayerSideSums {
  return {
    total: money(new Dec(row.total ?? '0')),
    flows: row.flows,
    top: (row.top ?? []).map((t) => ({ id: t.id, name: t.name, value: money(new Dec(t.value)), flows: t.flows })),
    parties: row.parties,
    missing: (row.missing ?? []).map((m) => ({ payer: m.payer, payee: m.payee, reason: `no ${m.currency} rate for ${year}` })),
    missingCount: row.missing_count,
  };
}

/**
 * A layer's customers and suppliers for the year and filters of its page (docs/data-contract.md §9): the flows
 * aggregate's matrix column and row of the layer and its numbers, and the layer's largest payers and payees, read in
 * one snapshot. Flows are calendar years: the basis is always calendar.
 */
export const layerFlowsAnalytics = answerOncePerVersion('layer-flows', computeLayerFlows);
async function computeLayerFlows(ctx: Ctx, query: LayerFlowsQuery): Promise<Omit<LayerFlowsAnswer, 'asOf'>> {
  assertRole(ctx.actor, 'viewer');
  const { layer, ...flowsQuery } = query;
  const aggregate = await flowAnalytics(ctx, flowsQuery);
  const db = await dbOf(ctx);
  const companySet = await companySetCondition(db, query);
  const [row] = await selectRows<{ customers: SideRow; suppliers: SideRow }>(
    db,
    sql`with ${scopedFlowsCtes(query, companySet, [])}
        select ${sideSql(query, 'payee')} as customers, ${sideSql(query, 'payer')} as suppliers`,
  );
  return {
    year: query.year,
    basis: 'calendar',
    currency: 'USD',
    ...layerFlows(
      aggregate,
      { customers: sideOf(row!.customers, query.year), suppliers: sideOf(row!.suppliers, query.year) },
      layer,
    ),
  };
}
