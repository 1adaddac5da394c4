'use client';

import { useId, useRef, useState } from 'react';
import type { ChartDocuments } from '@/lib/export/chart-documents';
import { exportFileName, packFileName } from '@/lib/export/file-name';
import { DEFAULT_PNG_SCALE, MEMO_SIZE, pngPixels } from '@/lib/export/memo-size';
import { isoDate } from '@/lib/export/memo-text';
import type { PackChart } from '@/lib/export/pptx';
import type { PackFile } from '@/lib/export/zip';
import { useChartExportRegistry, type ExportableChart } from './chart-export-registry';
import styles from './export.module.css';
import { renderPng } from './render-png';
import { saveFile } from './save-file';

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

type Pack = 'pptx' | 'zip';

const pngBytes = async (svg: string, size: { width: number; height: number }) =>
  new Uint8Array(await (await renderPng(svg, pngPixels(size, DEFAULT_PNG_SCALE))).arrayBuffer());

/** One slide per chart (its picture, title and source line as slide text), then the data tables. */
async function pptxOf(drawn: readonly ChartDocuments[], year: number): Promise<Uint8Array> {
  const { memoPptx } = await import('@/lib/export/pptx');
  const charts: PackChart[] = [];
  for (const { content, footer, slide } of drawn)
    charts.push({ ...content, footer, image: { png: await pngBytes(slide.svg, slide.size), size: slide.size } });
  return memoPptx(charts, { title: `Stacklens memo pack, ${year}` });
}

/** Each chart's PNG, SVG and CSV under its own file names. */
async function zipOf(drawn: readonly { chart: ExportableChart; documents: ChartDocuments }[]): Promise<Uint8Array> {
  const { zipFiles } = await import('@/lib/export/zip');
  const files: PackFile[] = [];
  for (const { chart, documents } of drawn)
    files.push(
      { name: exportFileName(chart.name, { png: DEFAULT_PNG_SCALE }), data: await pngBytes(documents.memoSvg, MEMO_SIZE) },
      { name: exportFileName(chart.name, 'svg'), data: documents.memoSvg },
      { name: exportFileName(chart.name, 'csv'), data: documents.csv },
    );
  return zipFiles(files);
}

/**
 * The memo pack: choose the dashboard's charts, then download a PowerPoint deck or a ZIP of their PNG, SVG and
 * CSV files. The heavy libraries load only when a pack is made.
 */
export function MemoPack({ year, basis }: { year: number; basis: 'calendar' | 'fiscal' }) {
  const registry = useChartExportRegistry();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [charts, setCharts] = useState<ExportableChart[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const openDialog = () => {
    const listed = registry.charts();
    setCharts(listed);
    setChosen(new Set(listed.filter((c) => c.ready).map((c) => c.id)));
    setStatus(null);
    dialogRef.current?.showModal();
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const download = async (pack: Pack) => {
    // Read again: a chart may have reloaded since the dialog opened.
    const selected = registry.charts().filter((c) => c.ready && chosen.has(c.id));
    if (selected.length === 0) {
      setStatus({ text: 'Choose at least one chart.', error: true });
      return;
    }
    setWorking(true);
    try {
      const asOf = isoDate(new Date());
      const drawn = [];
      for (const [i, chart] of selected.entries()) {
        setStatus({ text: `Drawing ${i + 1} of ${selected.length}: ${chart.title}…`, error: false });
        drawn.push({ chart, documents: await chart.documents(asOf) });
      }
      setStatus({ text: `Making the ${pack.toUpperCase()}…`, error: false });
      const file = packFileName({ year, basis }, pack);
      if (pack === 'pptx')
        saveFile(
          file,
          await pptxOf(
            drawn.map((d) => d.documents),
            year,
          ),
          PPTX_TYPE,
        );
      else saveFile(file, await zipOf(drawn), 'application/zip');
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
            A PowerPoint deck (a 16:9 slide per chart and a slide of their data) or a ZIP of each chart&apos;s PNG, SVG and CSV,
            under the dashboard&apos;s current filters.
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
