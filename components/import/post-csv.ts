import { z } from 'zod';
import { importSummarySchema, type ImportSummary } from '@/lib/imports/schema';
import type { CsvImportKind } from './csv-kinds';

const issueSchema = z.object({ line: z.number(), column: z.string().nullable(), message: z.string() });
export type ImportIssue = z.infer<typeof issueSchema>;

const errorSchema = z.object({ error: z.object({ message: z.string(), issues: z.unknown().optional() }) });

export type ImportOutcome =
  | { kind: 'summary'; summary: ImportSummary }
  /** The file has bad rows: nothing was written. */
  | { kind: 'rejected'; message: string; issues: ImportIssue[] }
  /** The request itself failed (network, session, size); nothing was written. */
  | { kind: 'failed'; message: string; signedOut?: boolean };

/** Sends a CSV to `POST /api/v1/import/{kind}` with the session cookie and reads the answer (docs/data-contract.md §7). */
export async function postCsv(kind: CsvImportKind, text: string, dryRun: boolean): Promise<ImportOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/v1/import/${kind}${dryRun ? '?dryRun=1' : ''}`, {
      method: 'POST',
      body: text,
      headers: { 'Content-Type': 'text/csv' },
    });
  } catch {
    return {
      kind: 'failed',
      message: 'Stacklens could not be reached. Check your connection and try again; nothing was written.',
    };
  }
  const body: unknown = await response.json().catch(() => null);
  const summary = importSummarySchema.safeParse(body);
  if (response.ok && summary.success) return { kind: 'summary', summary: summary.data };

  const error = errorSchema.safeParse(body);
  const issues = z.array(issueSchema).safeParse(error.data?.error.issues);
  if (response.status === 422 && error.success && issues.success)
    return { kind: 'rejected', message: error.data.error.message, issues: issues.data };
  if (response.status === 401)
    return {
      kind: 'failed',
      message: 'Your session has ended, so nothing was written. Sign in again, then choose the file again.',
      signedOut: true,
    };
  return {
    kind: 'failed',
    message: error.success ? error.data.error.message : `Stacklens answered with status ${response.status}. Nothing was written.`,
  };
}
