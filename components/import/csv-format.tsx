'use client';

import { CSV_FORMATS } from '@/lib/csv/formats';
import { saveFile } from '../export/save-file';
import { Table } from '../ui/table';
import { CSV_IMPORT_KINDS, type CsvImportKind } from './csv-kinds';

/** One CSV file's format (docs/data-contract.md §6, §9), column by column, with a template to fill in. */
export function CsvFormat({ kind }: { kind: CsvImportKind }) {
  const { file } = CSV_IMPORT_KINDS[kind];
  const { columns, template } = CSV_FORMATS[kind];
  return (
    <section className="card" aria-labelledby="format-heading">
      <h2 id="format-heading" style={{ marginTop: 0 }}>
        The {file} format
      </h2>
      <p>
        UTF-8 with a header row, one {CSV_IMPORT_KINDS[kind].one} per row, separated by commas, cells quoted as spreadsheets do;
        the columns may come in any order.{' '}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => saveFile(`${file.replace('.csv', '')}-template.csv`, `\uFEFF${template}\r\n`, 'text/csv')}
        >
          Download a {file} template
        </button>
      </p>
      <Table columns={['Column', 'What it holds']} label={`${file} columns`}>
        {columns.map(([column, meaning]) => (
          <tr key={column}>
            <td className="mono">{column}</td>
            <td>{meaning}</td>
          </tr>
        ))}
      </Table>
      <p className="hint" style={{ marginTop: '0.75rem' }}>
        A text cell that starts with <code className="mono">=</code>, <code className="mono">+</code>,{' '}
        <code className="mono">-</code>, <code className="mono">@</code> or <code className="mono">&apos;</code> is exported with
        a leading <code className="mono">&apos;</code> so that a spreadsheet does not run it as a formula; an import removes that
        one <code className="mono">&apos;</code> again. Number cells are never prefixed.
      </p>
    </section>
  );
}
