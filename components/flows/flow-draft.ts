import type { FieldIssue } from '@/lib/errors';
import type { Kind } from '@/lib/domain/figures/types';
import type { LayerKey } from '@/lib/domain/layers';
import type { FlowPartyOption, FlowView } from '@/lib/flows/schema';

/** Which side of the company a flow is on: a customer pays it, a supplier is paid by it. */
export type FlowSide = 'customer' | 'supplier';

/** A flow as the inline editor holds it: the company of the page on one end, the counterpart on the other. */
export interface FlowDraft {
  side: FlowSide;
  /** The stored flow being edited (its key fields are then fixed), or null for a new one. */
  existing: FlowView | null;
  counterpart: FlowPartyOption | null;
  counterpartLayer: LayerKey | '';
  ownLayer: LayerKey | '';
  year: number;
  kind: Kind;
  value: string;
  currency: string;
  /** The user chose the currency: picking another payee no longer changes it. */
  currencyChosen: boolean;
  source: string;
  note: string;
}

/** The editor's fields (by which the errors are shown), and `form` for what belongs to none. */
export type DraftField =
  'form' | 'counterpart' | 'counterpartLayer' | 'ownLayer' | 'year' | 'kind' | 'value' | 'currency' | 'source' | 'note';

/** A new flow of the year: the company's only layer preselected, the currency the payee's (the company's, for a customer). */
export function newDraft(side: FlowSide, company: FlowPartyOption, year: number): FlowDraft {
  return {
    side,
    existing: null,
    counterpart: null,
    counterpartLayer: '',
    ownLayer: company.layers.length === 1 ? company.layers[0]! : '',
    year,
    kind: 'estimate',
    value: '',
    currency: side === 'customer' ? company.currency : '',
    currencyChosen: false,
    source: '',
    note: '',
  };
}

/** A stored flow in the editor: only its value, currency, source and note change; its key stays. */
export function editDraft(side: FlowSide, flow: FlowView): FlowDraft {
  const customer = side === 'customer';
  return {
    side,
    existing: flow,
    counterpart: null,
    counterpartLayer: customer ? flow.payerLayer : flow.payeeLayer,
    ownLayer: customer ? flow.payeeLayer : flow.payerLayer,
    year: flow.year,
    kind: flow.kind,
    value: flow.value,
    currency: flow.currency,
    currencyChosen: true,
    source: flow.source ?? '',
    note: flow.note ?? '',
  };
}

/** The counterpart picked: its only layer preselected, and a supplier's currency becomes the payee's unless chosen. */
export function withCounterpart(draft: FlowDraft, counterpart: FlowPartyOption | null): FlowDraft {
  const layers = counterpart?.layers ?? [];
  return {
    ...draft,
    counterpart,
    counterpartLayer:
      layers.length === 1 ? layers[0]! : layers.includes(draft.counterpartLayer as LayerKey) ? draft.counterpartLayer : '',
    currency: draft.side === 'supplier' && !draft.currencyChosen && counterpart ? counterpart.currency : draft.currency,
  };
}

/** What PUT /flows takes for the draft, or the fields still to fill. */
export function draftPayload(
  draft: FlowDraft,
  companyId: string,
): { payload: Record<string, unknown> } | { missing: Partial<Record<DraftField, string>> } {
  const counterpartId = draft.existing
    ? draft.side === 'customer'
      ? draft.existing.payerId
      : draft.existing.payeeId
    : draft.counterpart?.id;
  const missing: Partial<Record<DraftField, string>> = {};
  if (!counterpartId) missing.counterpart = 'Pick a company from the list.';
  if (!draft.counterpartLayer) missing.counterpartLayer = 'Choose a layer.';
  if (!draft.ownLayer) missing.ownLayer = 'Choose a layer.';
  if (draft.value.trim() === '') missing.value = 'Enter the value in millions.';
  if (draft.currency.trim() === '') missing.currency = 'Enter a currency code.';
  if (Object.keys(missing).length > 0) return { missing };
  const customer = draft.side === 'customer';
  return {
    payload: {
      payerId: customer ? counterpartId : companyId,
      payerLayer: customer ? draft.counterpartLayer : draft.ownLayer,
      payeeId: customer ? companyId : counterpartId,
      payeeLayer: customer ? draft.ownLayer : draft.counterpartLayer,
      year: draft.year,
      kind: draft.kind,
      value: draft.value.trim(),
      currency: draft.currency.trim().toUpperCase(),
      source: draft.source,
      note: draft.note,
      ...(draft.existing && { version: draft.existing.version }),
    },
  };
}

/** The server's issues of the one flow sent (`flows[0].payerLayer`), each by the editor field it belongs to. */
export function draftErrors(issues: readonly FieldIssue[], side: FlowSide): Partial<Record<DraftField, string>> {
  const customer = side === 'customer';
  const fieldOf: Record<string, DraftField> = {
    // The company of the page is not the one to fix: an issue with either company is the counterpart's.
    payerId: 'counterpart',
    payeeId: 'counterpart',
    payerLayer: customer ? 'counterpartLayer' : 'ownLayer',
    payeeLayer: customer ? 'ownLayer' : 'counterpartLayer',
    year: 'year',
    kind: 'kind',
    value: 'value',
    currency: 'currency',
    source: 'source',
    note: 'note',
  };
  const errors: Partial<Record<DraftField, string>> = {};
  for (const issue of issues) {
    const field = fieldOf[String(issue.path[2] ?? '')] ?? 'form';
    errors[field] = errors[field] ? `${errors[field]} ${issue.message}` : issue.message;
  }
  return errors;
}
