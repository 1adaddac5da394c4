import type { LayerKey } from '../layers';
import { layerOf } from '../layers';
import { flowKey, flowLinkKey, type FlowInput } from './input';

/**
 * The rules a batch of flows keeps before any of it is written, whichever door it came through (the API,
 * flows.csv): no natural key twice, one currency per payer, payer layer, payee, payee layer and year across the
 * batch and the stored flows, and each layer one where its company has a share > 0 (docs/data-contract.md §9).
 * Plain rows in, issues out by position in the batch; callers name the rows in their own terms.
 */

export type KeyedFlow = Pick<FlowInput, 'payerId' | 'payerLayer' | 'payeeId' | 'payeeLayer' | 'year' | 'kind' | 'currency'>;

/** A flow of the batch and where it sits in it (`flows[3]`, `line 7`). */
export interface IncomingFlow {
  flow: KeyedFlow;
  where: string;
}

export interface FlowIssue {
  index: number;
  field: 'payerLayer' | 'payeeLayer' | 'currency' | null;
  message: string;
}

/** Every repeat of a natural key after its first occurrence. */
export function repeatedFlows(incoming: readonly IncomingFlow[]): FlowIssue[] {
  const first = new Map<string, string>();
  const issues: FlowIssue[] = [];
  incoming.forEach(({ flow, where }, index) => {
    const earlier = first.get(flowKey(flow));
    if (earlier) issues.push({ index, field: null, message: `the same flow as ${earlier}` });
    else first.set(flowKey(flow), where);
  });
  return issues;
}

/**
 * A flow's reported and estimate rows share a currency. A stored flow counts unless the batch replaces it (same
 * natural key); within the batch the first flow of a link sets it.
 */
export function flowCurrencyClashes(incoming: readonly IncomingFlow[], stored: readonly KeyedFlow[]): FlowIssue[] {
  const replaced = new Set(incoming.map(({ flow }) => flowKey(flow)));
  const currencyOf = new Map<string, { currency: string; where: string }>();
  for (const f of stored)
    if (!replaced.has(flowKey(f))) currencyOf.set(flowLinkKey(f), { currency: f.currency, where: 'a stored flow' });
  const issues: FlowIssue[] = [];
  incoming.forEach(({ flow, where }, index) => {
    const other = currencyOf.get(flowLinkKey(flow));
    if (other && other.currency !== flow.currency)
      issues.push({
        index,
        field: 'currency',
        message: `this flow is in ${other.currency} (${other.where}); one currency per payer, payee, their layers and year`,
      });
    else currencyOf.set(flowLinkKey(flow), { currency: flow.currency, where });
  });
  return issues;
}

/** A company as the layer rule reads it: its name and the layers where it has a share > 0. */
export interface CompanyLayers {
  name: string;
  layers: ReadonlySet<LayerKey>;
}

/** Each side's layer must be one where that company has a share > 0; the message names the company and layer. */
export function flowLayerProblems(flows: readonly KeyedFlow[], companies: ReadonlyMap<string, CompanyLayers>): FlowIssue[] {
  const issues: FlowIssue[] = [];
  flows.forEach((flow, index) => {
    for (const [field, id, layer] of [
      ['payerLayer', flow.payerId, flow.payerLayer],
      ['payeeLayer', flow.payeeId, flow.payeeLayer],
    ] as const) {
      const company = companies.get(id);
      if (company && !company.layers.has(layer))
        issues.push({ index, field, message: `${company.name} has no share in the ${layerOf(layer).name} layer` });
    }
  });
  return issues;
}
