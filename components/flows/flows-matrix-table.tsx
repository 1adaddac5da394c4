'use client';

import { type FlowsMatrix } from '@/lib/charts/flows-sankey';
import { formatUsdMillions } from '@/lib/format';
import styles from './flows.module.css';

const flowsText = (n: number) => `${n} ${n === 1 ? 'flow' : 'flows'}`;

/**
 * The Sankey's numbers as a layer × layer table: payers down (end customers first), payee layers across, each
 * cell's value and flow count, a button that lists its flows; the bottom row is each payee layer's pool. Opened
 * and used from the keyboard like any table of buttons.
 */
export function FlowsMatrixTable({
  matrix,
  selected,
  onSelect,
}: {
  matrix: FlowsMatrix;
  selected: string | null;
  onSelect: (cell: string) => void;
}) {
  return (
    <details className={styles.matrix}>
      <summary>Who pays whom, as a table (payer layer × payee layer)</summary>
      <div className="table-wrap">
        <table className="table" aria-label="Who pays whom: payer layer by payee layer, USD">
          <thead>
            <tr>
              <th scope="col">Payer ↓ · payee →</th>
              {matrix.columns.map((c) => (
                <th key={c.key} scope="col" className={styles.num}>
                  {c.label}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                Pays in all
              </th>
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.payer}>
                <th scope="row">{row.payer}</th>
                {row.cells.map((cell, i) => (
                  <td key={matrix.columns[i]!.key} className={styles.num}>
                    {cell === null ? (
                      <span className="muted">—</span>
                    ) : cell.from === null ? (
                      <span title="The layer's pool less its known inflows">
                        {formatUsdMillions(cell.value)}
                        {cell.value < 0 && <span className={styles.warn}> (drawn at 0)</span>}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className={styles.cellButton}
                        aria-pressed={selected === cell.key}
                        aria-label={`${row.payer} pays ${matrix.columns[i]!.label} ${formatUsdMillions(cell.value)} in ${flowsText(
                          cell.flows ?? 0,
                        )}: list them`}
                        onClick={() => onSelect(cell.key)}
                      >
                        {formatUsdMillions(cell.value)} <span className="muted">({cell.flows})</span>
                      </button>
                    )}
                  </td>
                ))}
                <td className={styles.num}>{row.total === 0 ? '—' : formatUsdMillions(row.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Revenue pool P(L)</th>
              {matrix.columns.map((c) => (
                <td key={c.key} className={styles.num}>
                  {formatUsdMillions(c.pool)}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  );
}
