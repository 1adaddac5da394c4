import { caseFold } from '../case-fold';
import { Dec } from '../decimal';
import type { Kind } from '../figures/types';
import type { LayerKey } from '../layers';
import { chosenFlows } from '../analytics/flows';
import { money, ratioOver } from '../analytics/numbers';
import { compareCodePoints } from '../analytics/order';
import { exact, sum } from '../analytics/pools';

/**
 * A company's customers and suppliers for one calendar year (docs/data-contract.md §9): its flows as payee and as
 * payer, each in USD (value × the year's rate), the counted one of each link chosen as the analytics choose it
 * (reported over estimate), and for a customer the share of the company's calendar revenue it pays. Pure and exact:
 * decimal.js throughout, money rounded once at output.
 */

/** What a flow needs here: its two companies, layers, year, kind, value and currency. */
export interface CounterpartyFlowInput {
  id: string;
  payerId: string;
  payerName: string;
  payerLayer: LayerKey;
  payeeId: string;
  payeeName: string;
  payeeLayer: LayerKey;
  year: number;
  kind: Kind;
  /** Millions of `currency`, a decimal string. */
  value: string;
  currency: string;
}

export interface CounterpartyLine<F> {
  flow: F;
  /** The flow the analytics count for its link: the reported one, else the estimate. */
  counted: boolean;
  /** USD millions; null when the currency has no rate for the year. */
  usd: number | null;
  /** Why there is no USD value ("no KRW rate for 2025"); null when there is one. */
  missing: string | null;
  /** For a counted customer: its USD value over the company's calendar revenue; null when either is missing or revenue ≤ 0. */
  shareOfRevenue: number | null;
}

export interface CounterpartySide<F> {
  lines: CounterpartyLine<F>[];
  /** Σ USD of the counted lines with a value. */
  total: number;
  /** For customers: `total` over the company's calendar revenue (null as for a line); always null for suppliers. */
  shareOfRevenue: number | null;
}

export interface Counterparties<F> {
  customers: CounterpartySide<F>;
  suppliers: CounterpartySide<F>;
}

export interface CounterpartiesInput<F extends CounterpartyFlowInput> {
  companyId: string;
  year: number;
  /** The company's flows (any year; only `year`'s are used). */
  flows: readonly F[];
  /** USD per unit of a currency in the year (a decimal string), or null when there is none. USD is never asked. */
  rate: (currency: string) => string | null;
  /** The company's calendar revenue of the year in USD millions (a decimal string), or null when it has none. */
  revenue: string | null;
}

export function counterparties<F extends CounterpartyFlowInput>(input: CounterpartiesInput<F>): Counterparties<F> {
  const { companyId, year } = input;
  const ofYear = input.flows.filter((f) => f.year === year);
  const records = ofYear.map((f) => ({
    id: f.id,
    payer: { id: f.payerId, name: f.payerName, archived: false },
    payerLayer: f.payerLayer,
    payee: { id: f.payeeId, name: f.payeeName, archived: false },
    payeeLayer: f.payeeLayer,
    year: f.year,
    kind: f.kind,
    value: f.value,
    currency: f.currency,
  }));
  const counted = new Set(chosenFlows(records, year, 'include').map((f) => f.id));
  const revenue = input.revenue === null ? null : new Dec(input.revenue);

  function side(flows: F[], customer: boolean, counterpartName: (f: F) => string): CounterpartySide<F> {
    const priced = flows.map((flow) => {
      const rate = flow.currency === 'USD' ? '1' : input.rate(flow.currency);
      return { flow, counted: counted.has(flow.id), usd: rate === null ? null : exact(flow.value).times(rate) };
    });
    const share = (usd: Dec | null) => (customer && usd !== null && revenue !== null ? ratioOver(usd, revenue) : null);
    const known = priced.flatMap((p) => (p.counted && p.usd !== null ? [p.usd] : []));
    const total = sum(known);
    const lines = priced
      .sort(
        (a, b) =>
          Number(b.counted) - Number(a.counted) ||
          (a.usd === null ? 1 : 0) - (b.usd === null ? 1 : 0) ||
          (a.usd !== null && b.usd !== null ? b.usd.comparedTo(a.usd) : 0) ||
          compareCodePoints(caseFold(counterpartName(a.flow)), caseFold(counterpartName(b.flow))) ||
          a.flow.kind.localeCompare(b.flow.kind),
      )
      .map((p) => ({
        flow: p.flow,
        counted: p.counted,
        usd: p.usd === null ? null : money(p.usd),
        missing: p.usd === null ? `no ${p.flow.currency} rate for ${year}` : null,
        shareOfRevenue: p.counted ? share(p.usd) : null,
      }));
    return { lines, total: money(total), shareOfRevenue: known.length > 0 ? share(total) : null };
  }

  return {
    customers: side(
      ofYear.filter((f) => f.payeeId === companyId),
      true,
      (f) => f.payerName,
    ),
    suppliers: side(
      ofYear.filter((f) => f.payerId === companyId),
      false,
      (f) => f.payeeName,
    ),
  };
}
