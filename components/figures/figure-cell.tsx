'use client';

import { useRef, useState, type KeyboardEvent } from 'react';
import type { FigureView } from '@/lib/figures/schema';
import { formatDecimal } from '@/lib/format';
import styles from './figures-grid.module.css';

export type CommitDirection = 'down' | 'up' | 'right' | 'left' | 'stay';

interface FigureCellProps {
  /** The cell's key (year|quarter|metric|kind), kept on the element for tests and scripts. */
  cell: string;
  row: number;
  col: number;
  figure: FigureView | undefined;
  /** The value being saved, shown until the save answers. */
  pendingValue: string | undefined;
  /** The value a previewed paste would put here: the cell is highlighted and shows it. */
  pasteValue?: string;
  companyCurrency: string;
  active: boolean;
  /** The text being typed, when this cell is in edit mode. */
  editing: string | null;
  estimate: boolean;
  onSelect: () => void;
  onEdit: () => void;
  /** False when the text is refused: the editor stays open. */
  onCommit: (text: string, direction: CommitDirection) => boolean;
  onCancel: () => void;
}

const COMMIT_KEYS: Record<string, (shift: boolean) => CommitDirection> = {
  Enter: (shift) => (shift ? 'up' : 'down'),
  Tab: (shift) => (shift ? 'left' : 'right'),
  ArrowDown: () => 'down',
  ArrowUp: () => 'up',
};

/** One cell of the figures grid: the value (in another currency, that currency too), or the editor. */
export function FigureCell(props: FigureCellProps) {
  const { figure, pendingValue, pasteValue, active, editing, estimate, companyCurrency } = props;
  const shown = pasteValue ?? pendingValue ?? figure?.value;
  const classes = [
    styles.cell,
    estimate && styles.estimate,
    pendingValue !== undefined && styles.pending,
    pasteValue !== undefined && styles.pasteTarget,
    active && styles.active,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td
      role="gridcell"
      data-cell={props.cell}
      data-row={props.row}
      data-col={props.col}
      data-paste-target={pasteValue !== undefined || undefined}
      tabIndex={active ? 0 : -1}
      aria-selected={active}
      className={classes}
      title={
        figure
          ? [figure.source && `Source: ${figure.source}`, figure.note && `Note: ${figure.note}`].filter(Boolean).join('\n') ||
            undefined
          : undefined
      }
      onClick={props.onSelect}
      onDoubleClick={props.onEdit}
    >
      {editing !== null ? (
        <CellEditor initial={editing} onCommit={props.onCommit} onCancel={props.onCancel} />
      ) : shown !== undefined ? (
        <>
          {formatDecimal(shown)}
          {figure && figure.currency !== companyCurrency && <span className={styles.currency}> {figure.currency}</span>}
          {figure?.note && <span className={styles.noteMark} aria-label="has a note" />}
        </>
      ) : null}
    </td>
  );
}

function CellEditor({
  initial,
  onCommit,
  onCancel,
}: {
  initial: string;
  onCommit: (text: string, direction: CommitDirection) => boolean;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  // Committing or cancelling unmounts the editor, which may blur it: that blur must not commit again.
  const finished = useRef(false);
  function finish(action: () => boolean | void) {
    if (finished.current) return;
    finished.current = action() !== false;
  }
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    event.stopPropagation();
    const direction = COMMIT_KEYS[event.key]?.(event.shiftKey);
    if (direction) {
      event.preventDefault();
      finish(() => onCommit(text, direction));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(onCancel);
    }
  }
  return (
    <input
      className={styles.editor}
      aria-label="Value in millions"
      inputMode="decimal"
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(() => onCommit(text, 'stay'))}
      onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
    />
  );
}
