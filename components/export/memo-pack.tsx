'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useChartExportRegistry, type ExportableChart } from './chart-export-registry';
import { firmMarkForExport } from './firm-mark';
import styles from './export.module.css';
import type { PackCover, PackDrawing } from '@/lib/export/pptx';
import type { Pack } from './memo-pack-build';

/** How the PPTX draws the charts PowerPoint can draw itself, as the dialog offers it. */
const DRAWINGS: readonly { value: PackDrawing; label: string }[] = [
  { value: 'editable', label: 'Editable charts' },
  { value: 'pictures', label: 'Pictures' },
];

/**
 * The memo pack: choose the dashboard's charts, then download a PowerPoint deck (PowerPoint's own, editable charts
 * where they show everything, or pictures only) or a ZIP of their PNG, SVG and CSV files. The code that makes a pack
 * (memo-pack-build.ts, and pptxgenjs or fflate behind it) loads only when a pack is made.
 */
export function MemoPack({
  year,
  basis,
  list,
  ticked,
  onTick,
  cover,
}: {
  year: number;
  basis: 'calendar' | 'fiscal';
  /** The list the charts are limited to, which the file's name carries. */
  list?: string;
  /** The charts to tick when the dialog opens (a saved view's); null ticks every chart that can be drawn. */
  ticked: string[] | null;
  onTick: (ids: string[]) => void;
  /** The deck's title slide, read when a pack is made (the dashboard's summary); none without it. */
  cover?: () => PackCover;
}) {
  const registry = useChartExportRegistry();
  const client = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const drawingName = useId();
  const drawingHint = useId();
  const [charts, setCharts] = useState<ExportableChart[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [drawing, setDrawing] = useState<PackDrawing>('editable');
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const openDialog = () => {
    const listed = registry.charts();
    setCharts(listed);
    setChosen(new Set(listed.filter((c) => c.ready && (ticked === null || ticked.includes(c.id))).map((c) => c.id)));
    setStatus(null);
    dialogRef.current?.showModal();
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
    onTick([...next]);
  };

  const download = async (pack: Pack) => {
    // Read again: a chart may have reloaded since the dialog opened.
    const selected = registry.charts().filter((c) => c.ready && chosen.has(c.id));
    if (selected.length === 0) {
      setStatus({ text: 'Choose at least one chart.', error: true });
      return;
    }
    setWorking(true);
    try {
      const [{ buildMemoPack }, firm] = await Promise.all([import('./memo-pack-build'), firmMarkForExport(client)]);
      const file = await buildMemoPack(
        pack,
        selected,
        { year, basis, list },
        (text) => setStatus({ text, error: false }),
        cover && { ...cover(), firm },
        drawing,
      );
      setStatus({
        text: `Downloaded ${file} with ${selected.length} ${selected.length === 1 ? 'chart' : 'charts'}.`,
        error: false,
      });
    } catch (error) {
      setStatus({ text: `Could not make the pack: ${error instanceof Error ? error.message : String(error)}`, error: true });
    } finally {
      setWorking(false);
    }
  };

  return (
    <>
      <button type="button" className="btn" onClick={openDialog}>
        Memo pack…
      </button>
      <dialog ref={dialogRef} className={styles.dialog} aria-labelledby={titleId}>
        <div className={styles.dialogBody}>
          <h2 id={titleId}>Memo pack</h2>
          <p className="muted">
            A PowerPoint deck ({cover && 'a title slide with the answer in words, '}a 16:9 slide per chart and a slide of their
            data) or a ZIP of each chart&apos;s PNG, SVG and CSV, under the dashboard&apos;s current filters.
          </p>
          <fieldset className={styles.chartChoice}>
            <legend>Charts</legend>
            {charts.map((chart) => (
              <label key={chart.id}>
                <input
                  type="checkbox"
                  checked={chart.ready && chosen.has(chart.id)}
                  disabled={!chart.ready || working}
                  onChange={(e) => toggle(chart.id, e.target.checked)}
                />
                {chart.title}
                {!chart.ready && <span className="muted"> (nothing to draw yet)</span>}
              </label>
            ))}
          </fieldset>
          <fieldset className={styles.chartChoice} aria-describedby={drawingHint}>
            <legend>Charts in the PPTX</legend>
            {DRAWINGS.map(({ value, label }) => (
              <label key={value}>
                <input
                  type="radio"
                  name={drawingName}
                  value={value}
                  checked={drawing === value}
                  disabled={working}
                  onChange={() => setDrawing(value)}
                />
                {label}
              </label>
            ))}
            <p id={drawingHint} className="muted">
              Editable charts makes the stack mix, the pools over time, the required-revenue gap, concentration and capex
              intensity PowerPoint&apos;s own charts, their numbers in PowerPoint&apos;s data sheet; the other charts stay
              pictures. Each chart&apos;s data is on the data slides either way.
            </p>
          </fieldset>
          <p role="status" className={status?.error ? styles.statusError : styles.status}>
            {status?.text}
          </p>
          <div className="actions">
            <button type="button" className="btn btn-primary" disabled={working} onClick={() => download('pptx')}>
              Download PPTX
            </button>
            <button type="button" className="btn" disabled={working} onClick={() => download('zip')}>
              Download ZIP
            </button>
            <button type="button" className="btn" onClick={() => dialogRef.current?.close()}>
              Close
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
