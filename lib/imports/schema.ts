import { z } from 'zod';

/**
 * The CSV imports (companies, figures, FX rates): what an import takes and what it answers. The import page reads
 * the API's answer with `importSummarySchema`; the importers, the API and the CLI share the types.
 */

/** A CSV file's text and whether to write: a dry run only reports what would change. */
export interface CsvImportInput {
  text: string;
  dryRun: boolean;
}

export const importSummarySchema = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  warnings: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;
export type ImportWarning = ImportSummary['warnings'][number];
