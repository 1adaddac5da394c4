import type { FigureView } from '@/lib/figures/schema';
import { chooseFiscalValue } from '@/lib/domain/figures/choose';
import type { GridColumn } from '@/lib/domain/figures/grid';
import type { FigureValue, Metric } from '@/lib/domain/figures/types';
import { formatDecimal } from '@/lib/format';
import styles from './figures-grid.module.css';

const FROM_MARK = { reported: '', estimate: 'est.', quarters: 'Σ Q' } as const;

/** The value the analytics take for each fiscal year (docs/data-contract.md §3), under the rows it was chosen from. */
export function ChosenValueRow({ metric, columns, figures }: { metric: Metric; columns: GridColumn[]; figures: FigureView[] }) {
  const values = figures as readonly FigureValue[] as FigureValue[];
  return (
    <tr className={styles.chosenRow}>
      <th scope="row" title="Reported full year, else the estimate, else the sum of four quarters (docs/data-contract.md §3)">
        used
      </th>
      {columns.map((c) => {
        if (c.quarter !== null) return <td key={`${c.fiscalYear}-${c.quarter}`} />;
        const chosen = chooseFiscalValue(values, c.fiscalYear, metric, { estimates: 'include' });
        return (
          <td key={c.fiscalYear} title={chosen.ok ? `from ${chosen.from}` : chosen.missing.reason}>
            {chosen.ok ? (
              <>
                {formatDecimal(chosen.value)}
                {FROM_MARK[chosen.from] && <span className={styles.fromMark}> {FROM_MARK[chosen.from]}</span>}
              </>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
        );
      })}
    </tr>
  );
}
