import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { countCsvRecords, decodeCsvFile } from '../csv/file';
import type { Actor } from '../domain/actor';
import { exportCompaniesCsv, importCompaniesCsv } from '../dal/company-csv';
import type { ImportSummary } from '../imports/schema';
import { exportFiguresCsv, importFiguresCsv } from '../dal/figure-csv';
import { exportFlowsCsv, importFlowsCsv } from '../dal/flow-csv';
import { exportFxCsv, importFxCsv } from '../dal/fx';
import { exportExposuresCsv, importExposuresCsv } from '../dal/exposure-csv';
import { CsvRejectedError, DomainError } from '../errors';
import { UsageError } from './args';

/** Like parseCommandArgs, for commands that also take up to `max` file arguments. */
export function parseFileCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, max: number) {
  try {
    const parsed = parseArgs({ args, options: { ...options, as: { type: 'string' } }, allowPositionals: true, strict: true });
    if (parsed.positionals.length > max) throw new UsageError(`Unexpected argument "${parsed.positionals[max]}".`);
    return { options: parsed.values, files: parsed.positionals };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function fileError(verb: 'read' | 'write', file: string) {
  return (error: NodeJS.ErrnoException): never => {
    const reasons: Record<string, string> = {
      ENOENT: 'no such file or folder',
      EISDIR: 'it is a folder',
      EACCES: 'permission denied',
    };
    throw new DomainError(`Cannot ${verb} ${file}: ${reasons[error.code ?? ''] ?? error.message}.`);
  };
}

/** A CSV file's text; a missing file or one that is not UTF-8 fails with a one-line reason. */
export async function readCsvFile(file: string): Promise<string> {
  const bytes = await readFile(file).catch(fileError('read', file));
  const decoded = decodeCsvFile(bytes);
  if (!decoded.ok) throw new DomainError(`${file}, line ${decoded.issue.line}: ${decoded.issue.message}.`);
  return decoded.text;
}

function summaryLine({ dryRun, created, updated, unchanged }: ImportSummary): string {
  return dryRun
    ? `Dry run: ${created} to create, ${updated} to update, ${unchanged} unchanged`
    : `Imported: ${created} created, ${updated} updated, ${unchanged} unchanged`;
}

/** The CSV files the CLI imports and exports (docs/data-contract.md §6), each through the same data-layer functions as the API. */
export const CSV_KINDS = {
  companies: { importCsv: importCompaniesCsv, exportCsv: exportCompaniesCsv, rows: 'companies' },
  figures: { importCsv: importFiguresCsv, exportCsv: exportFiguresCsv, rows: 'figures' },
  fx: { importCsv: importFxCsv, exportCsv: exportFxCsv, rows: 'FX rates' },
  exposures: { importCsv: importExposuresCsv, exportCsv: exportExposuresCsv, rows: 'exposure profiles' },
  flows: { importCsv: importFlowsCsv, exportCsv: exportFlowsCsv, rows: 'flows' },
} as const;
export type CsvKind = keyof typeof CSV_KINDS;

export function isCsvKind(value: string | undefined): value is CsvKind {
  return value !== undefined && value in CSV_KINDS;
}

/** `import KIND FILE [--dry-run]`: the counts and warnings on stdout; a rejected file's issues on stderr. */
export async function importCsvCommand(kind: CsvKind, actor: Actor, text: string, dryRun: boolean): Promise<void> {
  try {
    const summary = await CSV_KINDS[kind].importCsv({ actor }, { text, dryRun });
    console.log(summaryLine(summary));
    for (const w of summary.warnings) console.log(`line ${w.line}: ${w.message}`);
  } catch (error) {
    if (error instanceof CsvRejectedError)
      for (const i of error.issues) console.error(`line ${i.line}${i.column ? `, column ${i.column}` : ''}: ${i.message}`);
    throw error;
  }
}

/** `export KIND [FILE]`: to FILE or to stdout. */
export async function exportCsvCommand(kind: CsvKind, actor: Actor, file: string | undefined): Promise<void> {
  const text = await CSV_KINDS[kind].exportCsv({ actor });
  if (file === undefined) {
    // Wait until written: the CLI exits right after, and a pipe may still be draining.
    await new Promise<void>((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
    return;
  }
  await writeFile(file, text).catch(fileError('write', file));
  console.log(`Exported ${countCsvRecords(text)} ${CSV_KINDS[kind].rows} to ${file}`);
}
