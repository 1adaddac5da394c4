'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { restoreFigureAction } from '@/lib/actions/figures';
import type { FigureHistoryEntry } from '@/lib/figures/schema';
import { describeFigureChange, figureLabel } from '@/lib/domain/figures/history-text';
import { formatDateTime } from '@/lib/format';
import styles from './figures-grid.module.css';

/**
 * Figure history, newest first: who, when, what changed (old → new, source). A deletion whose figure is still
 * gone offers Restore. `compact` drops the figure column, for one cell's history.
 */
export function FigureHistoryList({
  entries,
  canRestore,
  compact = false,
}: {
  entries: FigureHistoryEntry[];
  canRestore: boolean;
  compact?: boolean;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (entries.length === 0) return <p className="muted">No recorded changes.</p>;

  function restore(entry: FigureHistoryEntry) {
    startTransition(async () => {
      const result = await restoreFigureAction({ eventId: entry.id });
      setMessage(
        result.ok
          ? { tone: 'ok', text: `Restored ${figureLabel(entry.before!)}.` }
          : { tone: 'error', text: result.message ?? 'Not restored.' },
      );
      if (result.ok) router.refresh();
    });
  }

  return (
    <>
      {message && <p className={`message message-${message.tone}`}>{message.text}</p>}
      <table className={`table ${styles.history}`} aria-label={compact ? 'History of this cell' : 'Figure history'}>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            {!compact && <th scope="col">Figure</th>}
            <th scope="col">Change</th>
            {canRestore && (
              <th scope="col">
                <span className="sr-only">Restore</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const subject = entry.after ?? entry.before;
            return (
              <tr key={entry.id}>
                <td className={styles.nowrap}>{formatDateTime(entry.at)}</td>
                <td>{entry.actor}</td>
                {!compact && <td className={styles.nowrap}>{subject ? figureLabel(subject) : entry.figureId}</td>}
                <td>
                  {describeFigureChange(entry.action, entry.before, entry.after).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                  {entry.action.startsWith('figure.import') && <span className="muted"> (import)</span>}
                </td>
                {canRestore && (
                  <td>
                    {entry.restorable && (
                      <button type="button" className="btn btn-small" disabled={pending} onClick={() => restore(entry)}>
                        Restore
                      </button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
