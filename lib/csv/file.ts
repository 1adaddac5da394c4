import type { CsvIssue } from '@/lib/errors';

/** The largest CSV file one import takes, checked by the browser and by the API. */
export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_SIZE_LABEL = '20 MB';

/** The first bytes of .xlsx (a zip archive) and of the older .xls. */
const WORKBOOK_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/**
 * Decodes an uploaded CSV file as UTF-8 (docs/data-contract.md §6). A file in another encoding (Excel's "CSV (Comma delimited)"
 * on Windows writes Windows-1252) is refused rather than imported with replacement characters in the names,
 * and a spreadsheet workbook is named as such rather than reported as broken text.
 */
export function decodeCsvFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; issue: CsvIssue } {
  if (WORKBOOK_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte)))
    return {
      ok: false,
      issue: {
        line: 1,
        column: null,
        message: 'the file is a spreadsheet workbook, not CSV: save it as "CSV UTF-8" and import that',
      },
    };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
    return {
      ok: false,
      issue: {
        line: (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1,
        column: null,
        message: 'the file is not UTF-8 text: save it as "CSV UTF-8" and import it again',
      },
    };
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** Characters that alone do not make a record (csv-parse skips blank lines and `,,,`). */
const BLANK = new Set([0x20, 0x09, 0x2c, 0xfeff]);

/** The number of data records in a CSV text (header excluded), counting a quoted line break as part of its cell. */
export function countCsvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      quoted = !quoted;
      content = true;
    } else if (!quoted && (c === CR || c === LF)) {
      if (content) records++;
      content = false;
    } else if (!BLANK.has(c)) content = true;
  }
  if (content) records++;
  return Math.max(0, records - 1);
}
