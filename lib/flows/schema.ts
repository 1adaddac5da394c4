import { z } from 'zod';
import {
  deleteAtVersionSchema,
  parseBatchItems,
  restoreDeletionSchema,
  type DeleteAtVersionInput,
  type RestoreDeletionInput,
} from '../batch-parse';
import { flowInputSchema, type FlowInput } from '../domain/flows/input';
import { KINDS, type Kind } from '../domain/figures/types';
import { LAYER_KEYS, type LayerKey } from '../domain/layers';
import { yearSchema } from '../domain/years';

/**
 * The flows resource (docs/data-contract.md §9): the inputs the API sends, parsed once at the edge, and the flows
 * and history entries the data layer answers with. Client code imports this module.
 */

/** A stored flow as the API sees it, with both companies' names. */
export interface FlowView {
  id: string;
  payerId: string;
  payerName: string;
  payerLayer: LayerKey;
  payeeId: string;
  payeeName: string;
  payeeLayer: LayerKey;
  year: number;
  kind: Kind;
  /** Millions of `currency`, as an exact decimal string. */
  value: string;
  currency: string;
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
