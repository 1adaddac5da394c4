'use client';

import { Fragment, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { FigureHistoryEntry, FigureView } from '@/lib/figures/schema';
import { Dec } from '@/lib/domain/decimal';
import {
  cellKey,
  fiscalPeriodLabel,
  GRID_ROWS,
  gridColumns,
  readPastedNumber,
  splitPastedBlock,
  type GridColumn,
} from '@/lib/domain/figures/grid';
import { figureLabel } from '@/lib/domain/figures/history-text';
import { figureKey } from '@/lib/domain/figures/input';
import { planPaste } from '@/lib/domain/figures/paste';
import { METRIC_NAMES, METRICS, type Kind, type Metric } from '@/lib/domain/figures/types';
import { FIRST_YEAR } from '@/lib/domain/year-range';
import { FigureCellPanel } from './figure-cell-panel';
import { FigureConflictDialog } from './figure-conflict-dialog';
import { keyOf, payloadFor, type CellContext, type FigurePayload } from './figure-payload';
import { ChosenValueRow } from './chosen-value-row';
import { FigureCell, type CommitDirection } from './figure-cell';
import { PastePreview } from './paste-preview';
import { useFigureSave } from './use-figure-save';
import { ReadOnlyNote } from '../ui/read-only-note';
import styles from './figures-grid.module.css';

export interface FiguresGridProps {
  companyId: string;
  companyCurrency: string;
  yearEndMonth: number;
  figures: FigureView[];
  history: FigureHistoryEntry[];
  years: number[];
  canEdit: boolean;
}

const STEPS: Record<CommitDirection, [number, number]> = {
  down: [1, 0],
  up: [-1, 0],
  right: [0, 1],
  left: [0, -1],
  stay: [0, 0],
};
const ARROWS: Record<string, [number, number]> = {
  ArrowDown: STEPS.down,
  ArrowUp: STEPS.up,
  ArrowRight: STEPS.right,
  ArrowLeft: STEPS.left,
};

interface Position {
  row: number;
  col: number;
}

/** A block waiting for Save or Cancel: where it was pasted. Its plan follows the view and the paste-into choice. */
interface PendingPaste {
  block: string[][];
  anchor: { metric: Metric; column: GridColumn };
}

/** At most this many problems are listed; the count says how many more there are. */
const SHOWN_PROBLEMS = 5;

/**
 * The company's figures as a spreadsheet: rows are metric × kind, columns fiscal years (or their quarters).
 * Keyboard: arrows move, Enter or typing edits, Enter/Tab saves and moves, Escape cancels, Delete removes.
 * A block pasted from a spreadsheet fills the metrics from the selected cell (reported rows unless "Paste into"
 * says estimates; by label when it has them), is previewed in the grid, and is saved in one transaction on Save.
 */
/** What a viewer is told when they type or paste into the grid. */
const READ_ONLY = 'Read only: a viewer cannot change figures.';

export function FiguresGrid(props: FiguresGridProps) {
  const { companyId, companyCurrency, yearEndMonth, canEdit } = props;
  // Saves update the grid at once; a refresh of the page (after any save or restore) brings the stored truth.
  const [figureList, setFigureList] = useState(props.figures);
  const [loaded, setLoaded] = useState(props.figures);
  if (loaded !== props.figures) {
    setLoaded(props.figures);
    setFigureList(props.figures);
  }
  const figures = useMemo(() => new Map(figureList.map((f) => [figureKey(f), f])), [figureList]);

  const [firstYear, setFirstYear] = useState(props.years[0] ?? new Date().getUTCFullYear());
  const lastYear = props.years.at(-1) ?? firstYear;
  const years = useMemo(() => Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i), [firstYear, lastYear]);
  const [quarters, setQuarters] = useState(false);
  const columns = useMemo(() => gridColumns(years, quarters), [years, quarters]);

  const [active, setActive] = useState<Position>({ row: 0, col: Math.max(0, columns.length - 2) });
  const [editing, setEditing] = useState<string | null>(null);
  const [askDelete, setAskDelete] = useState(false);
  const [sourceForEntries, setSourceForEntries] = useState('');
  const [pasteKind, setPasteKind] = useState<Kind>('reported');
  const [pendingPaste, setPendingPaste] = useState<PendingPaste | null>(null);
  const pastePlan = useMemo(
    () => pendingPaste && planPaste({ ...pendingPaste, columns, kind: pasteKind }),
    [pendingPaste, columns, pasteKind],
  );
  const pasteTargets = useMemo(
    () => new Map(pastePlan?.ok ? pastePlan.cells.map((c) => [cellKey(c, c.column), c.value]) : []),
    [pastePlan],
  );
  const tableRef = useRef<HTMLTableElement>(null);

  const store = (saved: FigureView[]) =>
    setFigureList((list) => {
      const byKey = new Map(list.map((f) => [figureKey(f), f]));
      for (const f of saved) byKey.set(figureKey(f), f);
      return [...byKey.values()];
    });
  const { save, remove, resolve, conflict, status, setStatus, pending } = useFigureSave(store, (gone) =>
    setFigureList((list) => list.filter((f) => f.id !== gone.id)),
  );

  const row = GRID_ROWS[active.row]!;
  const column = columns[Math.min(active.col, columns.length - 1)]!;
  const activeFigure = figures.get(keyOf(companyId, row, column));
  const context: CellContext = { companyId, companyCurrency, figures, sourceForEntries };

  useEffect(() => {
    if (editing === null)
      tableRef.current?.querySelector<HTMLElement>(`[data-row="${active.row}"][data-col="${active.col}"]`)?.focus();
  }, [active, editing, quarters]);

  function move(rowDelta: number, colDelta: number) {
    setAskDelete(false);
    setActive((p) => ({
      row: Math.min(GRID_ROWS.length - 1, Math.max(0, p.row + rowDelta)),
      col: Math.min(columns.length - 1, Math.max(0, p.col + colDelta)),
    }));
  }

  /** Validates the typed text at once (a refusal keeps the editor open), then saves in the background. */
  function commit(text: string, direction: CommitDirection): boolean {
    const read = readPastedNumber(text);
    if (!read.ok) {
      setStatus({
        tone: 'error',
        text: `${figureLabel({ ...row, fiscalYear: column.fiscalYear, fiscalQuarter: column.quarter })}: ${read.reason}.`,
      });
      return false;
    }
    setEditing(null);
    const [rowStep, colStep] = STEPS[direction];
    move(rowStep, colStep);
    const source = sourceForEntries.trim();
    if (read.value === null) {
      if (activeFigure) setAskDelete(true);
    } else if (!activeFigure || !new Dec(activeFigure.value).eq(read.value) || (source && source !== activeFigure.source)) {
      void save([payloadFor(context, row, column, read.value)]);
    }
    return true;
  }

  function onGridKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    if (editing !== null || conflict) return;
    const { key, shiftKey, ctrlKey, metaKey, altKey } = event;
    if (pendingPaste) {
      // The preview holds the grid: Enter saves it, Escape drops it, nothing else edits meanwhile.
      if (key === 'Enter' || key === 'Escape') {
        event.preventDefault();
        if (key === 'Enter') confirmPaste();
        else cancelPaste();
      }
      return;
    }
    const step = ARROWS[key];
    if (step) {
      event.preventDefault();
      move(...step);
    } else if (key === 'Tab') {
      const atEdge = shiftKey ? active.col === 0 : active.col === columns.length - 1;
      if (!atEdge) {
        event.preventDefault();
        move(0, shiftKey ? -1 : 1);
      }
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      setActive((p) => ({ ...p, col: key === 'Home' ? 0 : columns.length - 1 }));
    } else if (askDelete && key === 'Enter') {
      event.preventDefault();
      void removeActive();
    } else if (key === 'Escape') {
      setAskDelete(false);
    } else if (!canEdit) {
      // A viewer trying to type is told why nothing happens, once per attempt.
      if (key === 'Enter' || key === 'F2' || key === 'Delete' || (key.length === 1 && !ctrlKey && !metaKey && !altKey))
        setStatus({ tone: 'error', text: READ_ONLY });
      return;
    } else if (key === 'Enter' || key === 'F2') {
      event.preventDefault();
      setEditing(activeFigure?.value ?? '');
    } else if ((key === 'Delete' || key === 'Backspace') && activeFigure) {
      event.preventDefault();
      setAskDelete(true);
    } else if (key.length === 1 && /[\d.,()−-]/.test(key) && !ctrlKey && !metaKey && !altKey) {
      event.preventDefault();
      setEditing(key);
    }
  }

  async function removeActive() {
    setAskDelete(false);
    if (activeFigure) await remove(activeFigure);
  }

  function onPaste(event: ClipboardEvent<HTMLElement>) {
    const text = event.clipboardData.getData('text/plain');
    if (!canEdit) {
      setStatus({ tone: 'error', text: READ_ONLY });
      return;
    }
    if (conflict || (editing !== null && !/[\t\n]/.test(text))) return;
    event.preventDefault();
    setEditing(null);
    setAskDelete(false);
    const pasted: PendingPaste = { block: splitPastedBlock(text), anchor: { metric: row.metric, column } };
    const plan = planPaste({ ...pasted, columns, kind: pasteKind });
    if (plan.ok) {
      setStatus(null);
      setPendingPaste(pasted);
    } else {
      setPendingPaste(null);
      const more = plan.errors.length - SHOWN_PROBLEMS;
      setStatus({
        tone: 'error',
        text: `Nothing was pasted: ${plan.errors.slice(0, SHOWN_PROBLEMS).join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
      });
    }
  }

  /** Saves the previewed block as one batch; values already stored as pasted are left out. */
  function confirmPaste() {
    if (!pastePlan?.ok) return;
    setPendingPaste(null);
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${active.row}"][data-col="${active.col}"]`)?.focus();
    const items: FigurePayload[] = [];
    for (const cell of pastePlan.cells) {
      const existing = figures.get(keyOf(companyId, cell, cell.column));
      if (!existing || !new Dec(existing.value).eq(cell.value) || sourceForEntries.trim())
        items.push(payloadFor(context, cell, cell.column, cell.value));
    }
    if (items.length === 0) setStatus({ tone: 'ok', text: 'The pasted values are already stored.' });
    else void save(items);
  }

  function cancelPaste() {
    setPendingPaste(null);
    setStatus({ tone: 'ok', text: 'Paste cancelled; nothing was saved.' });
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${active.row}"][data-col="${active.col}"]`)?.focus();
  }

  return (
    <div className={styles.wrap}>
      {!canEdit && (
        <ReadOnlyNote>
          You can read these figures, their sources and history; a viewer cannot change them. An analyst or an admin enters
          figures.
        </ReadOnlyNote>
      )}
      <div className={styles.toolbar}>
        <span className="muted">
          Millions of {companyCurrency} · fiscal years end in{' '}
          {new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
            new Date(Date.UTC(2000, yearEndMonth - 1, 1)),
          )}
        </span>
        {canEdit && (
          <label className={styles.sourceField}>
            Source for values you type or paste
            <input
              value={sourceForEntries}
              onChange={(e) => setSourceForEntries(e.target.value)}
              placeholder="e.g. 10-K 2024 p. 41 or a URL"
              maxLength={2000}
            />
          </label>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setFirstYear((y) => y - 1)}
          disabled={firstYear <= FIRST_YEAR}
        >
          Add FY{firstYear - 1}
        </button>
        {canEdit && (
          <label className={styles.toggle}>
            Paste into
            <select value={pasteKind} onChange={(e) => setPasteKind(e.target.value as Kind)}>
              <option value="reported">reported rows</option>
              <option value="estimate">estimate rows</option>
            </select>
          </label>
        )}
        <label className={styles.toggle}>
          <input type="checkbox" checked={quarters} onChange={(e) => setQuarters(e.target.checked)} /> Show quarters
        </label>
      </div>
      <div className={styles.scroller}>
        <table
          ref={tableRef}
          role="grid"
          aria-label="Figures"
          aria-readonly={!canEdit}
          className={canEdit ? styles.grid : `${styles.grid} ${styles.readOnly}`}
          onKeyDown={onGridKeyDown}
          onPaste={onPaste}
        >
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {columns.map((c) => (
                <th
                  key={`${c.fiscalYear}-${c.quarter}`}
                  scope="col"
                  className={c.quarter ? styles.quarterHead : undefined}
                  title={fiscalPeriodLabel(c.fiscalYear, yearEndMonth, c.quarter)}
                >
                  {c.quarter ? `Q${c.quarter} ` : ''}FY{c.fiscalYear}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {METRICS.map((metric) => (
              <Fragment key={metric}>
                {GRID_ROWS.map((r, rowIndex) =>
                  r.metric !== metric ? null : (
                    <tr key={`${r.metric}-${r.kind}`} className={r.kind === 'estimate' ? styles.estimateRow : undefined}>
                      <th scope="row">
                        {r.kind === 'reported' ? METRIC_NAMES[r.metric] : <span className={styles.kindLabel}>estimate</span>}
                      </th>
                      {columns.map((c, colIndex) => {
                        const key = keyOf(companyId, r, c);
                        const isActive = rowIndex === active.row && colIndex === active.col;
                        return (
                          <FigureCell
                            key={cellKey(r, c)}
                            cell={cellKey(r, c)}
                            row={rowIndex}
                            col={colIndex}
                            figure={figures.get(key)}
                            pendingValue={pending.get(key)}
                            pasteValue={pasteTargets.get(cellKey(r, c))}
                            companyCurrency={companyCurrency}
                            active={isActive}
                            editing={isActive ? editing : null}
                            estimate={r.kind === 'estimate'}
                            onSelect={() => {
                              setAskDelete(false);
                              setActive({ row: rowIndex, col: colIndex });
                            }}
                            onEdit={() => canEdit && setEditing(figures.get(key)?.value ?? '')}
                            onCommit={commit}
                            onCancel={() => setEditing(null)}
                          />
                        );
                      })}
                    </tr>
                  ),
                )}
                <ChosenValueRow metric={metric} columns={columns} figures={figureList} />
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {pendingPaste && pastePlan && (
        <PastePreview
          summary={pastePlan.ok ? pastePlan.summary : null}
          errors={pastePlan.ok ? [] : pastePlan.errors}
          onSave={confirmPaste}
          onCancel={cancelPaste}
          onPaste={onPaste}
        />
      )}
      <p className={styles.status} role="status" aria-live="polite">
        {askDelete && activeFigure ? (
          <span className="message message-error">
            Delete {figureLabel(activeFigure)}? Press Enter to delete, Escape to keep it.
          </span>
        ) : (
          status && <span className={`message message-${status.tone}`}>{status.text}</span>
        )}
      </p>
      <FigureCellPanel
        key={keyOf(companyId, row, column)}
        label={figureLabel({ ...row, fiscalYear: column.fiscalYear, fiscalQuarter: column.quarter })}
        period={fiscalPeriodLabel(column.fiscalYear, yearEndMonth, column.quarter)}
        figure={activeFigure}
        history={props.history.filter(
          (h) => (h.after ?? h.before) && figureKey({ ...(h.after ?? h.before)!, companyId }) === keyOf(companyId, row, column),
        )}
        canEdit={canEdit}
        onSave={(value, source, note) =>
          save([{ ...payloadFor({ ...context, sourceForEntries: '' }, row, column, value), source, note }])
        }
        onDelete={removeActive}
      />
      {conflict && <FigureConflictDialog conflict={conflict} onChoose={(choice) => void resolve(choice)} />}
    </div>
  );
}
