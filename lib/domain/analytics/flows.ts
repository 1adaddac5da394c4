import { caseFold } from '../case-fold';
import type { Dec } from '../decimal';
import type { Kind } from '../figures/types';
import { LAYERS, layerOf, type LayerKey } from '../layers';
import { MISSING_LISTED, type CoverageOptions } from './coverage';
import { money, moneyOfTwelfths } from './numbers';
import { compareCodePoints } from './order';
import { exact, layerPool, shareOf, sum, valuedCompanies } from './pools';
import type { CompanyYearValue } from './types';

/**
 * Who pays whom, aggregated over the stack (docs/data-contract.md §9): the reference the `/analytics/flows` query
 * answers to digit for digit. Plain decimal.js over every stored flow: slow, and obviously the contract.
 */

/** A company as a flow names it. */
export interface FlowParty {
  id: string;
  name: string;
  archived: boolean;
}

/** One stored flow, with both companies. */
export interface FlowRecord {
  id: string;
  payer: FlowParty;
  payerLayer: LayerKey;
  payee: FlowParty;
  payeeLayer: LayerKey;
  year: number;
  kind: Kind;
  /** Millions of `currency`, a decimal string. */
  value: string;
  currency: string;
}

export interface FlowsInput {
  year: number;
  estimates: 'include' | 'exclude';
  /** The set S for the year: every company, with its calendar revenue in USD or why it has none (§5's rows). */
  rows: readonly CompanyYearValue[];
  /** Flows of any year and any companies: the reference chooses and scopes them itself. */
  flows: readonly FlowRecord[];
  /** USD per unit of a currency in a year (a decimal string), or null when there is no rate. USD is never asked. */
  rate: (currency: string, year: number) => string | null;
  coverage?: CoverageOptions;
}

export interface MatrixCell {
  from: LayerKey;
  to: LayerKey;
  value: number;
  flows: number;
}

export interface LayerFlows {
  key: LayerKey;
  name: string;
  pool: number;
  inflow: number;
  outflow: number;
  external: number;
  retained: number;
  inconsistent: boolean;
}

export interface TopFlow {
  id: string;
  payer: { id: string; name: string };
  payerLayer: LayerKey;
  payee: { id: string; name: string };
  payeeLayer: LayerKey;
  value: number;
  kind: Kind;
}

export interface MissingFlow {
  id: string;
  payer: { id: string; name: string };
  payee: { id: string; name: string };
  code: 'no_fx_rate';
  reason: string;
}

export interface FlowsAggregate {
  estimated: boolean;
  matrix: MatrixCell[];
  layers: LayerFlows[];
  total: { gross: number; internal: number; net: number };
  top: TopFlow[];
  /** `included` counts in-scope flows with a USD value; `missing` the first 50 without one (all when asked). */
  coverage: { included: number; missing: MissingFlow[]; missingCount: number };
}

/** How many flows `top` lists. */
export const TOP_FLOWS = 20;

const position = (key: LayerKey) => layerOf(key).position;
const party = ({ id, name }: FlowParty) => ({ id, name });
const byNames = (a: FlowRecord, b: FlowRecord) =>
  compareCodePoints(caseFold(a.payer.name), caseFold(b.payer.name)) ||
  compareCodePoints(caseFold(a.payee.name), caseFold(b.payee.name)) ||
  position(a.payerLayer) - position(b.payerLayer) ||
  position(a.payeeLayer) - position(b.payeeLayer);

/** For each payer, payer layer, payee, payee layer of the year: the reported flow, else the estimate (§9's choice). */
export function chosenFlows(flows: readonly FlowRecord[], year: number, estimates: 'include' | 'exclude'): FlowRecord[] {
  const chosen = new Map<string, FlowRecord>();
  for (const f of flows) {
    if (f.year !== year || (estimates === 'exclude' && f.kind !== 'reported')) continue;
    const key = `${f.payer.id}|${f.payerLayer}|${f.payee.id}|${f.payeeLayer}`;
    const other = chosen.get(key);
    if (!other || (other.kind === 'estimate' && f.kind === 'reported')) chosen.set(key, f);
  }
  return [...chosen.values()];
}

export function flowsAggregate(input: FlowsInput): FlowsAggregate {
  const { year, rows } = input;
  const set = new Set(rows.map((r) => r.id));
  const valued = valuedCompanies(rows);
  const included = new Set(valued.map((c) => c.row.id));
  const inScope = chosenFlows(input.flows, year, input.estimates).filter(
    (f) => (set.has(f.payer.id) || set.has(f.payee.id)) && !f.payer.archived && !f.payee.archived,
  );
  const priced = inScope.map((flow) => {
    const rate = flow.currency === 'USD' ? '1' : input.rate(flow.currency, year);
    return { flow, usd: rate === null ? null : exact(flow.value).times(rate) };
  });
  const known = priced.flatMap((p) => (p.usd === null ? [] : [{ flow: p.flow, usd: p.usd }]));
  const missing = priced.filter((p) => p.usd === null).map((p) => p.flow);

  const matrix: MatrixCell[] = [];
  for (const from of LAYERS)
    for (const to of LAYERS) {
      const cell = known.filter((k) => k.flow.payerLayer === from.key && k.flow.payeeLayer === to.key);
      if (cell.length > 0)
        matrix.push({ from: from.key, to: to.key, value: money(sum(cell.map((k) => k.usd))), flows: cell.length });
    }

  // Pools are in twelfths (./pools.ts); a flow's USD joins them as 12 × USD, so each difference divides by 12 once.
  const pools = LAYERS.map(({ key }) => layerPool(valued, key));
  const twelfths = (usd: Dec) => usd.times(12);
  const layers = LAYERS.map((layer, i): LayerFlows => {
    const pool = pools[i]!;
    const inflow = sum(known.filter((k) => k.flow.payeeLayer === layer.key && included.has(k.flow.payee.id)).map((k) => k.usd));
    const outflow = sum(known.filter((k) => k.flow.payerLayer === layer.key && included.has(k.flow.payer.id)).map((k) => k.usd));
    const external = pool.minus(twelfths(inflow));
    return {
      key: layer.key,
      name: layer.name,
      pool: moneyOfTwelfths(pool),
      inflow: money(inflow),
      outflow: money(outflow),
      external: moneyOfTwelfths(external),
      retained: moneyOfTwelfths(pool.minus(twelfths(outflow))),
      inconsistent: external.lt(0),
    };
  });
  const gross = sum(pools);
  const internal = sum(known.filter((k) => included.has(k.flow.payer.id) && included.has(k.flow.payee.id)).map((k) => k.usd));

  const top = [...known]
    .sort((a, b) => b.usd.comparedTo(a.usd) || byNames(a.flow, b.flow))
    .slice(0, TOP_FLOWS)
    .map(({ flow, usd }) => ({
      id: flow.id,
      payer: party(flow.payer),
      payerLayer: flow.payerLayer,
      payee: party(flow.payee),
      payeeLayer: flow.payeeLayer,
      value: money(usd),
      kind: flow.kind,
    }));
  const listed = input.coverage?.listed ?? MISSING_LISTED;
  return {
    estimated:
      known.some((k) => k.flow.kind === 'estimate') ||
      valued.some((c) => c.row.estimated && LAYERS.some(({ key }) => shareOf(c.row, key).gt(0))),
    matrix,
    layers,
    total: { gross: moneyOfTwelfths(gross), internal: money(internal), net: moneyOfTwelfths(gross.minus(twelfths(internal))) },
    top,
    coverage: {
      included: known.length,
      missing: [...missing]
        .sort(byNames)
        .slice(0, listed)
        .map((f) => ({
          id: f.id,
          payer: party(f.payer),
          payee: party(f.payee),
          code: 'no_fx_rate' as const,
          reason: `no ${f.currency} rate for ${year}`,
        })),
      missingCount: missing.length,
    },
  };
}
