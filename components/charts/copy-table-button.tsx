'use client';

import { useState } from 'react';
import type { ChartTable } from '@/lib/export/table';
import { tableTsv } from '@/lib/export/table-tsv';
import styles from './charts.module.css';

/**
 * Puts a chart's plotted numbers on the clipboard as tab-separated values, which a spreadsheet pastes into cells,
 * and says so next to the button ("Copied 7 rows"), or why it could not.
 */
export function CopyTableButton({ table }: { table: ChartTable }) {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('this browser cannot copy text here');
      await navigator.clipboard.writeText(tableTsv(table));
      const rows = table.rows.length;
      setStatus({ text: `Copied ${rows} ${rows === 1 ? 'row' : 'rows'}`, error: false });
    } catch (error) {
      setStatus({ text: `Could not copy: ${error instanceof Error ? error.message : String(error)}`, error: true });
    }
  };
  return (
    <div className={styles.copyTable}>
      <button type="button" className="btn btn-small" onClick={() => void copy()}>
        Copy table
      </button>
      <span role="status" className={status?.error ? 'field-error' : 'muted'}>
        {status?.text}
      </span>
    </div>
  );
}
