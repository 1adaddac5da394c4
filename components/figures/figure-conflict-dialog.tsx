'use client';

import { useEffect, useRef } from 'react';
import { figureAmount, figureLabel } from '@/lib/domain/figures/history-text';
import { formatDateTime } from '@/lib/format';
import type { ConflictChoice, FigureConflict } from './use-figure-save';
import styles from './figures-grid.module.css';

/** Both values side by side; the user decides, and Escape keeps theirs without saving anything. */
export function FigureConflictDialog({
  conflict,
  onChoose,
}: {
  conflict: FigureConflict;
  onChoose: (choice: ConflictChoice) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const { mine, theirs, items } = conflict;
  const others = items.length - 1;
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="figure-conflict-title"
      onCancel={(e) => {
        e.preventDefault();
        onChoose('cancel');
      }}
    >
      <h2 id="figure-conflict-title">Changed by someone else</h2>
      <p>
        {figureLabel(theirs)} was changed by <strong>{theirs.updatedBy}</strong> at {formatDateTime(theirs.updatedAt)} after you
        loaded it. Choose the value to keep.
      </p>
      <div className={styles.conflictValues}>
        <section aria-label="Their value">
          <h3>Theirs (stored)</h3>
          <p className={styles.conflictAmount}>{figureAmount(theirs)}</p>
          <p className="muted">{theirs.source ?? 'No source'}</p>
        </section>
        <section aria-label="Your value">
          <h3>Yours</h3>
          <p className={styles.conflictAmount}>{figureAmount(mine)}</p>
          <p className="muted">{mine.source ?? 'No source'}</p>
        </section>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => onChoose('mine')}>
          Save mine{others > 0 ? ` and the other ${others}` : ''}
        </button>
        <button type="button" className="btn" onClick={() => onChoose('theirs')}>
          Keep theirs{others > 0 ? ` and save the other ${others}` : ''}
        </button>
        {others > 0 && (
          <button type="button" className="btn" onClick={() => onChoose('cancel')}>
            Cancel the paste
          </button>
        )}
      </div>
    </dialog>
  );
}
