'use client';

import { useState, type FormEvent } from 'react';
import type { FigureHistoryEntry, FigureView } from '@/lib/figures/schema';
import { figureAmount } from '@/lib/domain/figures/history-text';
import { readPastedNumber } from '@/lib/domain/figures/grid';
import { formatDateTime } from '@/lib/format';
import { FigureHistoryList } from './figure-history-list';
import styles from './figures-grid.module.css';

interface FigureCellPanelProps {
  label: string;
  period: string;
  figure: FigureView | undefined;
  history: FigureHistoryEntry[];
  canEdit: boolean;
  onSave: (value: string, source: string | null, note: string | null) => Promise<boolean>;
  onDelete: () => Promise<void>;
}

/** The selected cell in full: value, source, note, who changed it and its history, with an editor for all three. */
export function FigureCellPanel({ label, period, figure, history, canEdit, onSave, onDelete }: FigureCellPanelProps) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const read = readPastedNumber(String(form.get('value') ?? ''));
    if (!read.ok || read.value === null) {
      setError(read.ok ? 'Enter a value, or delete the figure.' : `${read.reason}.`);
      return;
    }
    setError(null);
    setSaving(true);
    await onSave(read.value, String(form.get('source') ?? '').trim() || null, String(form.get('note') ?? '').trim() || null);
    setSaving(false);
  }

  return (
    <section className={`card ${styles.panel}`} aria-label="Selected figure">
      <h3>
        {label} <span className="muted">· {period}</span>
      </h3>
      {figure ? (
        <p>
          <strong>{figureAmount(figure)}</strong> · version {figure.version} · {figure.updatedBy},{' '}
          {formatDateTime(figure.updatedAt)}
          <br />
          Source: {figure.source ? <SourceText source={figure.source} /> : <span className="muted">none given</span>}
          {figure.note && (
            <>
              <br />
              Note: {figure.note}
            </>
          )}
        </p>
      ) : (
        <p className="muted">No figure. {canEdit && 'Type a value into the cell, or fill in the form.'}</p>
      )}
      {canEdit && (
        <form className={styles.panelForm} onSubmit={submit} noValidate>
          <label>
            Value (millions)
            <input name="value" inputMode="decimal" defaultValue={figure?.value ?? ''} aria-invalid={error ? true : undefined} />
          </label>
          <label>
            Source
            <input name="source" defaultValue={figure?.source ?? ''} maxLength={2000} placeholder="Filing, page, or URL" />
          </label>
          <label>
            Note
            <input name="note" defaultValue={figure?.note ?? ''} maxLength={2000} placeholder="e.g. run-rate, restated" />
          </label>
          <span className="actions">
            <button type="submit" className="btn btn-primary btn-small" disabled={saving}>
              {saving ? 'Saving…' : figure ? 'Save changes' : 'Add figure'}
            </button>
            {figure &&
              (confirming ? (
                <span className="actions" onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}>
                  <button type="button" className="btn btn-small btn-danger" autoFocus onClick={() => void onDelete()}>
                    Confirm delete
                  </button>
                  <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" className="btn btn-small btn-danger" onClick={() => setConfirming(true)}>
                  Delete…
                </button>
              ))}
          </span>
          {error && <span className="field-error">{error}</span>}
        </form>
      )}
      <h4>History of this cell</h4>
      <FigureHistoryList entries={history} canRestore={canEdit} compact />
    </section>
  );
}

function SourceText({ source }: { source: string }) {
  return /^https?:\/\//i.test(source) ? (
    <a href={source} rel="noopener noreferrer" target="_blank">
      {source}
    </a>
  ) : (
    <>{source}</>
  );
}
