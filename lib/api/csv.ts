import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { decodeCsvFile, MAX_CSV_BYTES, MAX_CSV_SIZE_LABEL } from '../csv/file';
import type { Ctx } from '../dal/context';
import { CsvRejectedError, DomainError } from '../errors';
import type { CsvImportInput, ImportSummary } from '../imports/schema';
import { PayloadTooLargeError, readBodyBytes } from './body';
import { withAuth } from './handler';
import { parseSearch } from './query';

const fileTooLarge = () =>
  new PayloadTooLargeError(
    `The file is larger than ${MAX_CSV_SIZE_LABEL}, the most one import takes. Split it into smaller files.`,
  );

class UnsupportedMediaTypeError extends DomainError {
  override readonly status = 415;
  constructor() {
    super('Send the CSV text itself as the request body (Content-Type: text/csv), not a multipart form upload.');
  }
}

/**
 * The query of `POST /api/v1/import/*`. Strict, because a misspelt `?dryrun=1` must not write: unknown keys are
 * refused, and a bare `?dryRun` means a dry run.
 */
export const importQuerySchema = z
  .strictObject(
    { dryRun: z.enum(['', '1', 'true', 'yes', '0', 'false', 'no'], 'Use dryRun=1 or dryRun=0.').optional() },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown query parameter: ${issue.keys.join(', ')}.` : undefined) },
  )
  .transform(({ dryRun }) => ({ dryRun: dryRun !== undefined && !['0', 'false', 'no'].includes(dryRun) }));

/**
 * The body of an import request as text: any text content type (curl's `--data-binary` sends form-urlencoded),
 * at most MAX_CSV_BYTES, checked on Content-Length and again while reading, since a chunked body has none.
 */
export async function readCsvBody(req: NextRequest): Promise<string> {
  if (req.headers.get('content-type')?.toLowerCase().startsWith('multipart/')) throw new UnsupportedMediaTypeError();
  const bytes = await readBodyBytes(req, MAX_CSV_BYTES, fileTooLarge);
  const decoded = decodeCsvFile(bytes);
  if (!decoded.ok) throw new CsvRejectedError([decoded.issue]);
  return decoded.text;
}

/** A CSV download: `<name>-YYYY-MM-DD.csv` (UTC date), never cached. */
export function csvAttachment(text: string, name: string): Response {
  const date = new Date().toISOString().slice(0, 10);
  return new Response(text, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}-${date}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}

type CsvImporter = (ctx: Ctx, input: CsvImportInput) => Promise<ImportSummary>;

/**
 * POST /api/v1/import/{kind}[?dryRun=1] with the CSV as the body → 200 { dryRun, created, updated, unchanged,
 * warnings }; a bad file → 422 listing every bad row, and nothing is written (docs/data-contract.md §6, §7).
 */
export function csvImportRoute(importCsv: CsvImporter) {
  return withAuth('analyst', async ({ req, actor }) => {
    const { dryRun } = parseSearch(req, importQuerySchema);
    const summary = await importCsv({ actor }, { text: await readCsvBody(req), dryRun });
    return NextResponse.json(summary, { headers: { 'Cache-Control': 'no-store' } });
  });
}
