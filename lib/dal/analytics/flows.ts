import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/types';
import type { CellFlow, FlowCellQuery, FlowsQuery } from '../../analytics/query';
import type { FlowsAggregate, MissingFlow, TopFlow } from '../../domain/analytics/flows';
import { TOP_FLOWS } from '../../domain/analytics/flows';
import { money } from '../../domain/analytics/numbers';
import { decimalPlaces, moneyOfScaledTwelfths, toScaled } from '../../domain/analytics/scaled';
import { Dec } from '../../domain/decimal';
import type { Kind } from '../../domain/figures/types';
import { LAYERS, type LayerKey } from '../../domain/layers';
import { selectRows } from '../sql-helpers';

/** What the one statement answers: sums as exact decimal text, the listed flows in order. */
interface FlowSums {
  matrix: { from: LayerKey; to: LayerKey; value: string; flows: number }[] | null;
  inflow: { key: LayerKey; value: string }[] | null;
  outflow: { key: LayerKey; value: string }[] | null;
  internal: string | null;
  included: number;
  estimated: boolean;
  top:
    | {
        id: string;
        payer_id: string;
        payer: string;
        payer_layer: LayerKey;
        payee_id: string;
        payee: string;
        payee_layer: LayerKey;
        usd: string;
        kind: Kind;
      }[]
    | null;
  missing: { id: string; payer_id: string; payer: string; payee_id: string; payee: string; currency: string }[] | null;
  missing_count: number;
}

/**
 * The in-scope flows of one calendar year as common table expressions, shared by every statement over flows
 * (docs/data-contract.md §9): `chosen` (reported over estimate per payer, payer layer, payee, payee layer), `scoped`
 * (payer or payee in the set S, neither archived; each with its USD value, null without a rate, and whether its
 * payer and payee are in I) and `known` (those with a USD value). Written after `with`.
 */
export function scopedFlowsCtes(q: FlowsQuery, companySet: SQL | undefined, included: readonly string[]): SQL {
  // Stack positions from the constant, not a join on `layers`: the planner reads a join on a six-row table as
  // filtering the flows down to a handful, and then probes the companies once per flow (bench/README.md).
  const stackOrder = sql`array[${sql.join(
    LAYERS.map((l) => sql`${l.key}`),
    sql`, `,
  )}]::text[]`;
  // Without filters the set S is every company that is not archived, which the joins on payer and payee already
  // require: the scope needs no joins of its own then.
  const inSet = companySet
    ? {
        cte: sql`s as (select companies.id from companies where not companies.archived and ${companySet}),`,
        joins: sql`left join s sp on sp.id = c.payer_id
      left join s se on se.id = c.payee_id`,
        where: sql`where sp.id is not null or se.id is not null`,
      }
    : { cte: sql``, joins: sql``, where: sql`` };
  return sql`
    ${inSet.cte}
    i as (select x::uuid as id from jsonb_array_elements_text(${JSON.stringify(included)}::jsonb) as t(x)),
    chosen as (
      select distinct on (f.payer_id, f.payer_layer, f.payee_id, f.payee_layer)
        f.id, f.payer_id, f.payer_layer, f.payee_id, f.payee_layer, f.kind, f.value, f.currency
      from flows f
      where f.year = ${q.year}::int ${q.estimates === 'exclude' ? sql`and f.kind = 'reported'` : sql``}
      order by f.payer_id, f.payer_layer, f.payee_id, f.payee_layer, f.kind
    ),
    scoped as (
      select c.id, c.payer_id, pr.name as payer, pr.name_key as payer_key, c.payer_layer,
        array_position(${stackOrder}, c.payer_layer) as payer_pos, c.payee_id, pe.name as payee, pe.name_key as payee_key,
        c.payee_layer, array_position(${stackOrder}, c.payee_layer) as payee_pos, c.kind, c.currency,
        case when c.currency = 'USD' then c.value else c.value * r.usd_per_unit end as usd,
        ip.id is not null as payer_in_i, ie.id is not null as payee_in_i
      from chosen c
      join companies pr on pr.id = c.payer_id and not pr.archived
      join companies pe on pe.id = c.payee_id and not pe.archived
      ${inSet.joins}
      left join fx_rates r on r.currency = c.currency and r.year = ${q.year}::int
      left join i ip on ip.id = c.payer_id
      left join i ie on ie.id = c.payee_id
      ${inSet.where}
    ),
    known as (select * from scoped where usd is not null)`;
}

/** The order of `top`: by USD value, largest first; ties by payer name, payee name, then the layers in stack order. */
const topOrder = sql`order by t.usd desc, t.payer_key collate "C", t.payee_key collate "C", t.payer_pos, t.payee_pos`;

/**
 * The flows of one calendar year as one set-based statement (docs/data-contract.md §9): the choice (reported over
 * estimate per payer, payer layer, payee, payee layer), the scope (payer or payee in the set S, neither archived),
 * the USD value (× the year's rate; none: missing), then the matrix, each layer's inflow and outflow over the
 * companies I of S with revenue, the internal total, the top flows and the missing ones, all summed exactly in
 * `numeric`. `included` is I, which the pools computed (so both read the same companies).
 */
function flowSumsSql(q: FlowsQuery, companySet: SQL | undefined, included: readonly string[], listed: number): SQL {
  const top = topOrder;
  const byNames = sql`order by t.payer_key collate "C", t.payee_key collate "C", t.payer_pos, t.payee_pos`;
  // One pass over the known flows (`cells`): each matrix cell with its parts paid to and by I, from which the layers'
  // inflows and outflows and the internal total are summed again, exactly (numeric sums of sums). Six passes over
  // 10,000 flows took a third of the statement (bench/README.md).
  return sql`
    with ${scopedFlowsCtes(q, companySet, included)},
    cells as (
      select payer_layer, payer_pos, payee_layer, payee_pos, sum(usd) as value, count(*)::int as n,
        sum(usd) filter (where payee_in_i) as inflow, sum(usd) filter (where payer_in_i) as outflow,
        sum(usd) filter (where payer_in_i and payee_in_i) as internal, bool_or(kind = 'estimate') as estimated
      from known group by 1, 2, 3, 4
    )
    select
      (select json_agg(json_build_object('from', payer_layer, 'to', payee_layer, 'value', value::text, 'flows', n)
         order by payer_pos, payee_pos) from cells) as matrix,
      (select json_agg(json_build_object('key', payee_layer, 'value', value::text))
       from (select payee_layer, sum(inflow) as value from cells where inflow is not null group by 1) x) as inflow,
      (select json_agg(json_build_object('key', payer_layer, 'value', value::text))
       from (select payer_layer, sum(outflow) as value from cells where outflow is not null group by 1) x) as outflow,
      (select sum(internal)::text from cells) as internal,
      (select coalesce(sum(n), 0)::int from cells) as included,
      (select coalesce(bool_or(estimated), false) from cells) as estimated,
      (select json_agg(json_build_object('id', t.id, 'payer_id', t.payer_id, 'payer', t.payer, 'payer_layer', t.payer_layer,
          'payee_id', t.payee_id, 'payee', t.payee, 'payee_layer', t.payee_layer, 'usd', t.usd::text, 'kind', t.kind) ${top})
       from (select * from known t ${top} limit ${TOP_FLOWS}) t) as top,
      (select json_agg(json_build_object('id', t.id, 'payer_id', t.payer_id, 'payer', t.payer, 'payee_id', t.payee_id,
          'payee', t.payee, 'currency', t.currency) ${byNames})
       from (select * from scoped t where t.usd is null ${byNames} limit ${Number.isFinite(listed) ? listed : null}) t) as missing,
      (select count(*)::int from scoped where usd is null) as missing_count`;
}

/** A sum the statement answered, as the API shows money. */
const moneyOf = (text: string) => money(new Dec(text));

/** The pools of the set, exactly: P(L) as scaled twelfths (12 × USD millions), as `yearPoolAmounts` gives them. */
export interface ExactPools {
  pools: bigint[];
  scale: number;
  estimated: boolean;
}

/**
 * `/analytics/flows`'s aggregate from the pools (computed by the caller from the set's revenue values) and the one
 * statement above: differences taken exactly on scaled integers, money rounded once, here.
 */
export async function flowsAggregateOf(
  db: Database,
  q: FlowsQuery,
  {
    companySet,
    included,
    pools,
    listed,
  }: { companySet: SQL | undefined; included: readonly string[]; pools: ExactPools; listed: number },
): Promise<FlowsAggregate> {
  const [sums] = await selectRows<FlowSums>(db, flowSumsSql(q, companySet, included, listed));
  const s = sums!;
  const texts = [s.internal ?? '0', ...(s.inflow ?? []).map((x) => x.value), ...(s.outflow ?? []).map((x) => x.value)];
  const scale = Math.max(pools.scale, ...texts.map(decimalPlaces));
  const lift = 10n ** BigInt(scale - pools.scale);
  // The statement's sums are USD; with the pools they are held as twelfths, so each difference divides by 12 once.
  const at = (text: string | undefined) => 12n * toScaled(text ?? '0', scale);
  const usd = (v: bigint) => moneyOfScaledTwelfths(v, scale);
  const byKey = (rows: { key: LayerKey; value: string }[] | null) => new Map((rows ?? []).map((r) => [r.key, r.value]));
  const inflows = byKey(s.inflow);
  const outflows = byKey(s.outflow);
  const gross = pools.pools.reduce((a, b) => a + b, 0n) * lift;

  return {
    estimated: s.estimated || pools.estimated,
    matrix: (s.matrix ?? []).map((m) => ({ from: m.from, to: m.to, value: moneyOf(m.value), flows: m.flows })),
    layers: LAYERS.map((layer, i) => {
      const pool = pools.pools[i]! * lift;
      const inflow = at(inflows.get(layer.key));
      const outflow = at(outflows.get(layer.key));
      return {
        key: layer.key,
        name: layer.name,
        pool: usd(pool),
        inflow: usd(inflow),
        outflow: usd(outflow),
        external: usd(pool - inflow),
        retained: usd(pool - outflow),
        inconsistent: pool - inflow < 0n,
      };
    }),
    total: { gross: usd(gross), internal: usd(at(s.internal ?? undefined)), net: usd(gross - at(s.internal ?? undefined)) },
    top: (s.top ?? []).map((t): TopFlow => ({
      id: t.id,
      payer: { id: t.payer_id, name: t.payer },
      payerLayer: t.payer_layer,
      payee: { id: t.payee_id, name: t.payee },
      payeeLayer: t.payee_layer,
      value: moneyOf(t.usd),
      kind: t.kind,
    })),
    coverage: {
      included: s.included,
      missing: (s.missing ?? []).map((m): MissingFlow => ({
        id: m.id,
        payer: { id: m.payer_id, name: m.payer },
        payee: { id: m.payee_id, name: m.payee },
        code: 'no_fx_rate',
        reason: `no ${m.currency} rate for ${q.year}`,
      })),
      missingCount: s.missing_count,
    },
  };
}

/**
 * The in-scope flows of one matrix cell (payer layer `from` → payee layer `to`) with a USD value, in `top`'s order,
 * each with its source: the flows whose USD values sum to the aggregate's `M[from][to]`.
 */
export async function cellFlowsOf(db: Database, q: FlowCellQuery, companySet: SQL | undefined): Promise<CellFlow[]> {
  const rows = await selectRows<{
    id: string;
    payer_id: string;
    payer: string;
    payer_layer: LayerKey;
    payee_id: string;
    payee: string;
    payee_layer: LayerKey;
    usd: string;
    kind: Kind;
    source: string | null;
  }>(
    db,
    sql`with ${scopedFlowsCtes(q, companySet, [])}
    select t.id, t.payer_id, t.payer, t.payer_layer, t.payee_id, t.payee, t.payee_layer, t.usd::text as usd, t.kind,
      f.source
    from known t join flows f on f.id = t.id
    where t.payer_layer = ${q.from} and t.payee_layer = ${q.to}
    ${topOrder}`,
  );
  return rows.map((t) => ({
    id: t.id,
    payer: { id: t.payer_id, name: t.payer },
    payerLayer: t.payer_layer,
    payee: { id: t.payee_id, name: t.payee },
    payeeLayer: t.payee_layer,
    value: moneyOf(t.usd),
    kind: t.kind,
    source: t.source,
  }));
}
