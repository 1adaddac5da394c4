'use client';

import { useEffect, useRef } from 'react';
import { figureAmount } from '@/lib/domain/figures/history-text';
import type { FlowView } from '@/lib/flows/schema';
import { formatDateTime } from '@/lib/format';
// The figures grid's conflict dialog look: one style for both kinds of versioned rows.
import styles from '@/components/figures/figures-grid.module.css';

/** A flow save that lost a race: both flows side by side; Escape keeps the stored one and saves nothing. */
export function FlowConflictDialog({
  mine,
  theirs,
  onChoose,
}: {
  mine: Record<string, unknown>;
  theirs: FlowView;
  onChoose: (choice: 'mine' | 'theirs') => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const yours = { value: String(mine.value), currency: String(mine.currency) };
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="flow-conflict-title"
      onCancel={(e) => {
        e.preventDefault();
        onChoose('theirs');
      }}
    >
      <h2 id="flow-conflict-title">Changed by someone else</h2>
      <p>
        {theirs.payerName} → {theirs.payeeName}, {theirs.year} {theirs.kind} was changed by <strong>{theirs.updatedBy}</strong> at{' '}
        {formatDateTime(theirs.updatedAt)} after you loaded it. Choose the flow to keep.
      </p>
      <div className={styles.conflictValues}>
        <section aria-label="Their flow">
          <h3>Theirs (stored)</h3>
          <p className={styles.conflictAmount}>{figureAmount(theirs)}</p>
          <p className="muted">{theirs.source ?? 'No source'}</p>
        </section>
        <section aria-label="Your flow">
          <h3>Yours</h3>
          <p className={styles.conflictAmount}>{figureAmount(yours)}</p>
          <p className="muted">{mine.source ? String(mine.source) : 'No source'}</p>
        </section>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => onChoose('mine')}>
          Save mine
        </button>
        <button type="button" className="btn" onClick={() => onChoose('theirs')}>
          Keep theirs
        </button>
      </div>
    </dialog>
  );
}
