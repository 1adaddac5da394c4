import { z } from 'zod';
import {
  deleteAtVersionSchema,
  parseBatchItems,
  restoreDeletionSchema,
  type DeleteAtVersionInput,
  type RestoreDeletionInput,
} from '../batch-parse';
import type { CounterpartyFlowInput } from '../domain/flows/counterparties';
import { flowInputSchema, type FlowInput } from '../domain/flows/input';
import { KINDS } from '../domain/figures/types';
import { LAYER_KEYS, type LayerKey } from '../domain/layers';
import { yearSchema } from '../domain/years';

/**
 * The flows resource (docs/data-contract.md §9): the inputs the API sends, parsed once at the edge, and the flows
 * and history entries the data layer answers with. Client code imports this module.
 */

/**
 * A stored flow as the API sees it, with both companies' names: the fields a company's customers and suppliers
 * are priced from (`value` in millions of `currency`, an exact decimal string), and its source, note and version.
 */
export interface FlowView extends CounterpartyFlowInput {
  source: string | null;
  note: string | null;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/** GET /api/v1/flows?company=&year=: a company's flows as payer or payee. */
export const flowQuerySchema = z.object({
  company: z.uuid('company must be a company id.'),
  year: yearSchema.optional(),
});
export type FlowQuery = z.infer<typeof flowQuerySchema>;

/** The body of PUT /api/v1/flows as it arrives: its size here, each flow by `parseFlowBatch`. */
export const flowBatchBodySchema = z.object({
  flows: z.array(z.unknown()).min(1, 'Send at least one flow.').max(100_000),
});

export interface FlowBatch {
  flows: FlowInput[];
}

/** Every flow of the batch parsed; any problem of any flow refuses the whole batch, each named by its path. */
export function parseFlowBatch({ flows }: z.output<typeof flowBatchBodySchema>): FlowBatch {
  return { flows: parseBatchItems(flows, flowInputSchema, 'flows') };
}

/** DELETE /api/v1/flows/{id}?version=: at the version read. */
export const deleteFlowSchema = deleteAtVersionSchema('flow');
export type DeleteFlowInput = DeleteAtVersionInput;

export const restoreFlowSchema = restoreDeletionSchema;
export type RestoreFlowInput = RestoreDeletionInput;

/** What an audit snapshot of a flow holds. */
export const flowSnapshotSchema = z.object({
  id: z.uuid(),
  payerId: z.uuid(),
  payerLayer: z.enum(LAYER_KEYS),
  payeeId: z.uuid(),
  payeeLayer: z.enum(LAYER_KEYS),
  year: z.number().int(),
  kind: z.enum(KINDS),
  value: z.string(),
  currency: z.string(),
  source: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  version: z.number().int(),
});
export type FlowSnapshot = z.infer<typeof flowSnapshotSchema>;

export interface FlowHistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  flowId: string;
  before: FlowSnapshot | null;
  after: FlowSnapshot | null;
  /** A deletion whose flow is still gone (and whose key is free) can be restored. */
  restorable: boolean;
}

/** The company page's URL parameter for the year of its customers and suppliers (a client module's constant is no string on the server). */
export const FLOW_YEAR_PARAM = 'flowYear';

/** A company's customers and suppliers for the company page: which company, and which year (default: its latest with flows). */
export const counterpartiesQuerySchema = flowQuerySchema;
export type CounterpartiesQuery = FlowQuery;

/** One of a company's flows on its page, priced (docs/data-contract.md §9). */
export interface CounterpartyLineView {
  flow: FlowView;
  /** The flow the analytics count for its link (reported over estimate). */
  counted: boolean;
  /** USD millions; null when its currency has no rate for the year. */
  usd: number | null;
  /** Why there is no USD value ("no KRW rate for 2025"). */
  missing: string | null;
  /** A counted customer's USD value over the company's calendar revenue of the year; null when there is none. */
  shareOfRevenue: number | null;
}

export interface CounterpartySideView {
  lines: CounterpartyLineView[];
  total: number;
  shareOfRevenue: number | null;
}

export interface CounterpartiesView {
  /** The company, with its currency (a new customer flow's default) and the layers its flows may name. */
  company: FlowPartyOption;
  year: number;
  /** The years with a flow of this company, latest first. */
  years: number[];
  /** The company's calendar revenue of the year in USD millions, or why it has none. */
  revenue: { value: number | null; estimated: boolean; reason: string | null };
  customers: CounterpartySideView;
  suppliers: CounterpartySideView;
}

/** The company picker of the flow editor: a name (or ticker) as typed. */
export const flowPartySearchSchema = z.object({
  q: z.string().trim().min(1, 'Type part of a name.').max(100, 'At most 100 characters.'),
});
export type FlowPartySearch = z.infer<typeof flowPartySearchSchema>;

/** A company as the flow editor offers it: with its currency and the layers its flows may name. */
export interface FlowPartyOption {
  id: string;
  name: string;
  ticker: string | null;
  currency: string;
  layers: LayerKey[];
}
