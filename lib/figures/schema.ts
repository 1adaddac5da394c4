import { z } from 'zod';
import { figureInputSchema, type FigureInput } from '../domain/figures/input';
import { KINDS, METRICS, type Kind, type Metric } from '../domain/figures/types';
import { yearSchema } from '../domain/years';
import {
  deleteAtVersionSchema,
  parseBatchItems,
  restoreDeletionSchema,
  type DeleteAtVersionInput,
  type RestoreDeletionInput,
} from '../batch-parse';

/**
 * The figures resource: the inputs the API and the grid send, parsed once at the edge, and the figures and history
 * entries the data layer answers with. Client code imports this module.
 */

/** A stored figure as the API and the grid see it. */
export interface FigureView {
  id: string;
  companyId: string;
  fiscalYear: number;
  fiscalQuarter: number | null;
  metric: Metric;
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

/** GET /api/v1/figures: by company, fiscal year and metric. */
export const figureQuerySchema = z.object({
  company: z.uuid('company must be a company id.').optional(),
  year: yearSchema.optional(),
  metric: z.enum(METRICS).optional(),
});
export type FigureQuery = z.infer<typeof figureQuerySchema>;

/**
 * The body of PUT /api/v1/figures and of the grid's save, as it arrives: its size is checked here, each figure by
 * `parseFigureBatch`, so one bad figure is reported by its position with all the others.
 */
export const figureBatchBodySchema = z.object({
  figures: z.array(z.unknown()).min(1, 'Send at least one figure.').max(100_000),
});

export interface FigureBatch {
  figures: FigureInput[];
}

/** Every figure of the batch parsed; any problem of any figure refuses the whole batch, each named by its path. */
export function parseFigureBatch({ figures }: z.output<typeof figureBatchBodySchema>): FigureBatch {
  return { figures: parseBatchItems(figures, figureInputSchema, 'figures') };
}

/** DELETE /api/v1/figures/{id}?version=: at the version read. */
export const deleteFigureSchema = deleteAtVersionSchema('figure');
export type DeleteFigureInput = DeleteAtVersionInput;

export const restoreFigureSchema = restoreDeletionSchema;
export type RestoreFigureInput = RestoreDeletionInput;

/** What an audit snapshot of a figure holds (PUT and import write the whole row; both carry these fields). */
export const figureSnapshotSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  fiscalYear: z.number().int(),
  fiscalQuarter: z.number().int().nullable(),
  metric: z.enum(METRICS),
  kind: z.enum(KINDS),
  value: z.string(),
  currency: z.string(),
  source: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  version: z.number().int(),
});
export type FigureSnapshot = z.infer<typeof figureSnapshotSchema>;

export interface FigureHistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  figureId: string;
  before: FigureSnapshot | null;
  after: FigureSnapshot | null;
  /** A deletion whose figure is still gone (and whose key is free) can be restored. */
  restorable: boolean;
}
