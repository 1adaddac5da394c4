import { Table } from '../ui/table';

const COLUMNS: [string, string][] = [
  ['name', 'Required. Matches an existing company case-insensitively, so a row with a known name updates it.'],
  ['ticker', 'Optional; unique.'],
  ['country', 'Optional; a two-letter ISO code such as US, TW or NL.'],
  ['status', 'public or private (blank: public).'],
  ['fiscal_year_end_month', 'The month the fiscal year ends, 1–12 (blank: 12).'],
  ['lists', 'List names separated by ; (Portfolio;Watchlist). Sets the company’s lists exactly; a new name creates the list.'],
  [
    'infrastructure, chips, data, models, execution, application, outside',
    'The seven shares. Each row sums to 1 (fractions, 0.25) or to 100 (percentages, 25); blank is 0. outside is the part of the business outside the AI stack, so a lone 1 in chips means 100% chips.',
  ],
  ['currency', 'Optional; the ISO 4217 reporting currency (blank: USD).'],
  ['website, description', 'Optional.'],
];

/** The companies.csv format (docs/data-contract.md §6), for everyone who imports or exports. */
export function CompaniesCsvFormat() {
  return (
    <section className="card" aria-labelledby="format-heading">
      <h2 id="format-heading" style={{ marginTop: 0 }}>
        The companies.csv format
      </h2>
      <p>
        UTF-8 with a header row, one company per row, cells quoted as spreadsheets do. The columns may come in any order;{' '}
        <code className="mono">outside</code> and <code className="mono">currency</code> may be left out.
      </p>
      <Table columns={['Column', 'What it holds']} label="companies.csv columns">
        {COLUMNS.map(([column, meaning]) => (
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
