'use client';

import type { ClipboardEvent, KeyboardEvent } from 'react';
import styles from './figures-grid.module.css';

interface PastePreviewProps {
  /** "12 values into Revenue, Capex, Operating income × FY2022–FY2025 (reported)", or null when the plan fails. */
  summary: string | null;
  /** Why the paste cannot be saved as planned now (e.g. after switching the view). */
  errors: readonly string[];
  onSave: () => void;
  onCancel: () => void;
  /** Another paste while the preview has the focus replaces it. */
  onPaste: (event: ClipboardEvent<HTMLElement>) => void;
}

/**
 * What a paste will write, shown before anything is saved while the grid highlights the target cells.
 * Save takes the focus, so Enter confirms; Escape cancels.
 */
export function PastePreview({ summary, errors, onSave, onCancel, onPaste }: PastePreviewProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }
  return (
    <div role="group" aria-label="Paste preview" className={styles.pastePreview} onKeyDown={onKeyDown} onPaste={onPaste}>
      <p aria-live="polite">
        {summary ? (
          <>
            Paste <strong>{summary}</strong>? The highlighted cells show the values; nothing is saved yet.
          </>
        ) : (
          <span className="message message-error">Nothing can be pasted: {errors.join('; ')}.</span>
        )}
      </p>
      <button type="button" className="btn btn-primary btn-small" onClick={onSave} disabled={!summary} autoFocus>
        Save
      </button>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
