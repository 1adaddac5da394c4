'use client';

import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { PlotSizeContext, preloadPlot } from '@/components/charts/plot';
import type { Size } from '@/lib/export/memo-size';
import styles from './export.module.css';
import { ExportingContext } from './export-mode';

type ChartMarkup = typeof import('./chart-markup');

interface DrawJob {
  size: Size;
  markup: ChartMarkup;
  resolve: (markup: string) => void;
  reject: (error: Error) => void;
}

const POLL_MS = 40;
const TIMEOUT_MS = 5_000;

/**
 * Recharts lays a chart out over several renders (axes are measured, then the marks drawn): the drawing is done
 * when the chart's <svg> has content and has not changed for two polls in a row.
 */
function settledChart(host: HTMLElement, { findChartSvg }: ChartMarkup): Promise<SVGSVGElement> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let last = '';
    const poll = () => {
      const svg = findChartSvg(host);
      const markup = svg?.innerHTML ?? '';
      if (svg && markup.length > 0 && markup === last) return resolve(svg);
      if (Date.now() - started > TIMEOUT_MS) return reject(new Error('The chart did not finish drawing for the export.'));
      last = markup;
      setTimeout(poll, POLL_MS);
    };
    poll();
  });
}

/**
 * Draws `chart` (a lazy plot) off screen at a fixed size, whatever the window's, and hands back its drawing as
 * portable SVG markup. The copy exists only while a drawing is asked for, and drawings are taken one at a time. The
 * plot's module and the markup code load first, so a chart never scrolled into view exports all the same.
 */
export function useChartStage(chart: ReactNode): { stage: ReactNode; draw: (size: Size) => Promise<string> } {
  const [job, setJob] = useState<DrawJob | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const chartRef = useRef(chart);
  useEffect(() => {
    chartRef.current = chart;
  });

  const draw = useCallback((size: Size) => {
    const run = async () => {
      const [markup] = await Promise.all([import('./chart-markup'), preloadPlot(chartRef.current)]);
      return new Promise<string>((resolve, reject) => setJob({ size, markup, resolve, reject }));
    };
    const drawing = queue.current.then(run, run);
    queue.current = drawing.catch(() => undefined);
    return drawing;
  }, []);

  useEffect(() => {
    const host = hostRef.current;
    if (!job || !host) return;
    let current = true;
    settledChart(host, job.markup)
      .then((svg) => job.resolve(job.markup.portableChartMarkup(svg)), job.reject)
      .finally(() => current && setJob(null));
    return () => {
      current = false;
      job.reject(new Error('The chart was closed before its export was drawn.'));
    };
  }, [job]);

  const stage =
    job &&
    createPortal(
      <div ref={hostRef} className={styles.stage} style={job.size} aria-hidden="true" inert>
        <ExportingContext.Provider value={true}>
          <PlotSizeContext.Provider value={job.size}>
            <Suspense fallback={null}>{chart}</Suspense>
          </PlotSizeContext.Provider>
        </ExportingContext.Provider>
      </div>,
      document.body,
    );
  return { stage, draw };
}
