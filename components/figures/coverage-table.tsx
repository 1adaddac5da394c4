import Link from 'next/link';
import type { CoverageRow } from '@/lib/figures/coverage-schema';
import { formatAge, formatDateTime, formatDecimal } from '@/lib/format';

const COLUMNS = ['Company', 'Value (millions)', 'Currency', 'Kind', 'Source', 'Updated', 'Warning'];

/** A source or note on one line, cut short with the whole text in its title; a web address is a link. */
function SourceText({ text, className }: { text: string; className: string }) {
  if (/^https?:\/\/\S+$/i.test(text))
    return (
      <a className={className} href={text} title={text} target="_blank" rel="noreferrer">
        {text.replace(/^https?:\/\//i, '')}
      </a>
    );
  return (
    <span className={className} title={text}>
      {text}
    </span>
  );
}

/** One row per company: its chosen value and where it comes from, or why it has none. */
export function CoverageTable({ rows, now }: { rows: CoverageRow[]; now: Date }) {
  return (
    <div className="table-wrap">
      <table className="table coverage-table" aria-label="Figures by company">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={c.startsWith('Value') ? 'num' : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.ok ? undefined : 'coverage-missing'}>
              <td>
                <Link href={`/companies/${row.id}#figures`}>{row.name}</Link>
                {row.ticker && <span className="muted mono"> {row.ticker}</span>}
              </td>
              {row.ok ? (
                <>
                  <td className="num">{formatDecimal(row.value)}</td>
                  <td className="mono">{row.currency}</td>
                  <td>{row.estimated ? <span className="badge coverage-estimate">{row.kind}</span> : row.kind}</td>
                  <td>
                    {row.sources.map((s) => (
                      <SourceText key={s} text={s} className="coverage-source" />
                    ))}
                    {row.notes.map((n) => (
                      <SourceText key={n} text={n} className="coverage-source coverage-note" />
                    ))}
                    {row.sources.length + row.notes.length === 0 && <span className="muted">—</span>}
                  </td>
                  <td className="coverage-updated">
                    <time dateTime={row.updatedAt} title={formatDateTime(row.updatedAt)}>
                      {formatAge(row.updatedAt, now)}
                    </time>
                    <span className="muted"> by {row.updatedBy}</span>
                  </td>
                  <td>{row.fxWarning && <span className="coverage-warning">{row.fxWarning}</span>}</td>
                </>
              ) : (
                <td colSpan={COLUMNS.length - 1} className="coverage-reason">
                  {row.reason}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
