'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ChartDocuments } from '@/lib/export/chart-documents';
import { exportFileName, type ExportName } from '@/lib/export/file-name';
import { DEFAULT_PNG_SCALE, MEMO_SIZE, pngPixels, type PngScale } from '@/lib/export/memo-size';
import { isoDate } from '@/lib/export/memo-text';
import styles from './export.module.css';
import { renderPng } from './render-png';
import { saveFile } from './save-file';

type Action = 'png' | 'png-large' | 'svg' | 'csv' | 'copy';

const ITEMS: readonly { action: Action; label: string }[] = [
  { action: 'png', label: `PNG image (${DEFAULT_PNG_SCALE}×)` },
  { action: 'png-large', label: 'PNG image, large (4×)' },
  { action: 'svg', label: 'SVG vector image' },
  { action: 'csv', label: 'CSV of the plotted numbers' },
  { action: 'copy', label: 'Copy image' },
];

interface ExportMenuProps {
  name: ExportName;
  documents: (asOf: string) => Promise<ChartDocuments>;
  csv: (asOf: string) => string;
  /** The chart still shows the previous filters' answer: exporting it now would mislabel it. */
  disabled: boolean;
}

async function memoPng(documents: ExportMenuProps['documents'], scale: PngScale): Promise<Blob> {
  const { memoSvg } = await documents(isoDate(new Date()));
  return renderPng(memoSvg, pngPixels(MEMO_SIZE, scale));
}

/** Runs one export and says what it did, in words for the status line. */
async function run(action: Action, { name, documents, csv }: ExportMenuProps): Promise<string> {
  const asOf = isoDate(new Date());
  switch (action) {
    case 'png':
    case 'png-large': {
      const scale: PngScale = action === 'png' ? DEFAULT_PNG_SCALE : 4;
      saveFile(exportFileName(name, { png: scale }), await memoPng(documents, scale), 'image/png');
      return 'Downloaded the PNG';
    }
    case 'svg': {
      saveFile(exportFileName(name, 'svg'), (await documents(asOf)).memoSvg, 'image/svg+xml');
      return 'Downloaded the SVG';
    }
    case 'csv': {
      saveFile(exportFileName(name, 'csv'), csv(asOf), 'text/csv;charset=utf-8');
      return 'Downloaded the CSV';
    }
    case 'copy':
      if (!navigator.clipboard?.write || typeof ClipboardItem === 'undefined')
        throw new Error('this browser cannot copy images: download the PNG instead');
      // The PNG is handed over as a promise, so the copy keeps the click's permission while the image renders.
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': memoPng(documents, DEFAULT_PNG_SCALE) })]);
      return 'Copied the image';
  }
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
