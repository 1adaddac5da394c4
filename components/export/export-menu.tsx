'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ChartDocuments } from '@/lib/export/chart-documents';
import type { ExportName } from '@/lib/export/file-name';
import { DEFAULT_PNG_SCALE } from '@/lib/export/memo-size';
import type { ExportAction } from './export-actions';
import styles from './export.module.css';

type Action = ExportAction;

const ITEMS: readonly { action: Action; label: string }[] = [
  { action: 'png', label: `PNG image (${DEFAULT_PNG_SCALE}×)` },
  { action: 'png-large', label: 'PNG image, large (4×)' },
  { action: 'svg', label: 'SVG vector image' },
  { action: 'csv', label: 'CSV of the plotted numbers' },
  { action: 'copy', label: 'Copy image' },
];

interface ExportMenuProps {
  name: ExportName;
  documents: () => Promise<ChartDocuments>;
  /** The chart's CSV, with its footer. */
  csv: () => Promise<string>;
  /** The chart still shows the previous filters' answer: exporting it now would mislabel it. */
  disabled: boolean;
}

/**
 * Runs one export; the code that makes the files loads at the first click. Copy image calls the clipboard within
 * the click, with the PNG (module load included) as the promise it waits on, so the copy keeps the click's permission.
 */
async function run(action: Action, props: ExportMenuProps): Promise<string> {
  if (action === 'copy') {
    if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined')
      throw new Error('this browser cannot copy images: download the PNG instead');
    const png = import('./export-actions').then(({ memoPng }) => memoPng(props.documents, DEFAULT_PNG_SCALE));
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return 'Copied the image';
  }
  const { runExport } = await import('./export-actions');
  return runExport(action, props);
}

/**
 * The chart's export menu (a menu button): PNG at 2× or 4×, SVG, CSV, or the image to the clipboard. Arrow keys,
 * Home and End move between items; Escape closes and returns to the button.
 */
export function ExportMenu(props: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState(0);

  useEffect(() => {
    if (open) itemRefs.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  const openAt = (index: number) => {
    setFocusIndex(index);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const choose = async (action: Action) => {
    close();
    setBusy(true);
    setStatus({ text: 'Preparing…', error: false });
    try {
      setStatus({ text: await run(action, props), error: false });
    } catch (error) {
      setStatus({ text: `Could not export: ${error instanceof Error ? error.message : String(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const onButtonKey = (event: KeyboardEvent) => {
    if (busy) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : ITEMS.length - 1);
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: (focusIndex + 1) % ITEMS.length,
      ArrowUp: (focusIndex - 1 + ITEMS.length) % ITEMS.length,
      Home: 0,
      End: ITEMS.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      setFocusIndex(moves[event.key]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };

  return (
    <div
      className={styles.menu}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="btn btn-small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={props.disabled}
        // Busy stays focusable (aria-disabled, not disabled), so focus is not lost to the page while a file is made.
        aria-disabled={busy}
        onClick={() => !busy && (open ? setOpen(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label="Export" className={styles.menuList} onKeyDown={onMenuKey}>
          {ITEMS.map((item, i) => (
            <li key={item.action} role="none">
              <button
                ref={(element) => {
                  itemRefs.current[i] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === focusIndex ? 0 : -1}
                onClick={() => choose(item.action)}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span role="status" className={status?.error ? styles.statusError : styles.status}>
        {status?.text}
      </span>
    </div>
  );
}
