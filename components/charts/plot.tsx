'use client';

import {
  Component,
  createContext,
  isValidElement,
  lazy,
  memo,
  Suspense,
  useCallback,
  useEffect,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { CHART_HEIGHT } from './chart-style';
import { CHART_SVG_SELECTOR } from './plot-surface';

/**
 * A chart's drawing is a component in its own module under ./plots, loaded on first use: the dashboard's first load
 * carries no Recharts code for the charts below the fold, and a card draws its chart only once it comes near the
 * viewport. Nothing here imports Recharts. The Sankey at the top of the dashboard is drawn in plain SVG, so the
 * first screen loads none at all.
 */

/** The size a plot draws at: the card's width and CHART_HEIGHT on screen, a fixed size on an export's stage. */
export interface PlotSize {
  width: number | `${number}%`;
  height: number;
}
export const PlotSizeContext = createContext<PlotSize>({ width: '100%', height: CHART_HEIGHT });

type PlotModule<P> = Promise<{ default: ComponentType<P> }>;

/** A lazily loaded plot, and a way to start loading it before it renders (an export draws it off screen). */
export type LazyPlot<P extends object> = ComponentType<P> & { preload: () => PlotModule<P> };

/**
 * Wraps a plot module's loader (`() => import('./plots/…')`) as a component. It re-renders only when its props
 * change, so a card that turns stale or fresh does not redraw the chart.
 */
export function lazyPlot<P extends object>(load: () => PlotModule<P>): LazyPlot<P> {
  let loading: PlotModule<P> | undefined;
  const preload = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined; // a later render may try again
      throw error;
    }));
  const Lazy = lazy(preload);
  const Plot = memo(function Plot(props: P) {
    return <Lazy {...props} />;
  }) as unknown as ComponentType<P>;
  return Object.assign(Plot, { preload });
}

/** Starts loading the plot module of `element` when it is a lazy plot; resolves once it is loaded. */
export async function preloadPlot(element: ReactNode): Promise<void> {
  if (!isValidElement(element)) return;
  const preload = (element.type as Partial<LazyPlot<object>>).preload;
  if (typeof preload === 'function') await preload();
}

class PlotErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    return this.state.error ? (
      <p className="message message-error">Could not load this chart: {this.state.error.message}</p>
    ) : (
      this.props.children
    );
  }
}

/** A plot while its module loads, or a fallback while it fails; `placeholder` shows meanwhile. */
export function PlotSlot({ children, placeholder }: { children: ReactNode; placeholder: ReactNode }) {
  return (
    <PlotErrorBoundary>
      <Suspense fallback={placeholder}>{children}</Suspense>
    </PlotErrorBoundary>
  );
}

/** How far below (and above) the viewport a card starts drawing, so a scrolling reader rarely sees a placeholder. */
const AHEAD = '300px 0px';

/**
 * Printing. A print lays out every card, but a chart's drawing takes a module load and a layout pass, which the
 * browser does not wait for after 'beforeprint'. So Ctrl/Cmd+P first draws every chart, waits until each has drawn
 * (at most PRINT_WAIT_MS), then opens the print dialog; a print started from the browser's menu draws them all
 * too, in time for the next print.
 */
const PRINT_WAIT_MS = 5_000;
let drawEverything = false;
const drawEverythingListeners = new Set<() => void>();
let printHandlersInstalled = false;

function requestDrawEverything() {
  if (drawEverything) return;
  drawEverything = true;
  flushSync(() => drawEverythingListeners.forEach((listener) => listener()));
}

/** Every chart card on the page shows its drawing, not a placeholder. */
function everyChartDrawn(): boolean {
  const bodies = Array.from(document.querySelectorAll('[data-chart]'));
  return bodies.every((body) => body.querySelector(CHART_SVG_SELECTOR)?.firstElementChild != null);
}

function whenEveryChartDrawn(): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      if (everyChartDrawn() || performance.now() - started > PRINT_WAIT_MS) requestAnimationFrame(() => resolve());
      else setTimeout(check, 50);
    };
    check();
  });
}

function installPrintHandlers() {
  if (printHandlersInstalled) return;
  printHandlersInstalled = true;
  window.addEventListener('beforeprint', requestDrawEverything);
  window.addEventListener('keydown', (event) => {
    const print = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p';
    if (!print || everyChartDrawn()) return;
    event.preventDefault();
    requestDrawEverything();
    void whenEveryChartDrawn().then(() => window.print());
  });
}

const subscribeDrawEverything = (listener: () => void) => {
  drawEverythingListeners.add(listener);
  return () => drawEverythingListeners.delete(listener);
};

/**
 * What a card shows of its drawing (`plot`). Nothing, its placeholder, until it first comes near the viewport
 * (within AHEAD), takes focus (a keyboard user tabbing into it) or the page prints. From then on, while it is near,
 * the drawing of its current numbers; while it is away, the drawing it had when it left, untouched: a filter change
 * redraws the charts a reader can see, and one scrolled past redraws when the reader comes back to it, before it is
 * in view. `outdated` says the drawing kept is not of `version` (the card's plotted table, a new object for new
 * numbers or filters): the card then hides it from assistive technology, whose reader has the card's fresh title and
 * table.
 */
export function useShownPlot<T extends HTMLElement>(
  plot: ReactNode,
  version: unknown,
): { ref: (element: T | null) => void; see: () => void; plot: ReactNode | null; outdated: boolean } {
  const [near, setNear] = useState(false);
  const [seen, setSeen] = useState(false);
  const [element, setElement] = useState<T | null>(null);
  const see = useCallback(() => setNear(true), []);
  const printing = useSyncExternalStore(
    subscribeDrawEverything,
    () => drawEverything,
    () => false,
  );
  const nearNow = near || printing;
  if (nearNow && !seen) setSeen(true);
  const shownPlot = useHeldWhile(!nearNow, plot);
  const shownVersion = useHeldWhile(!nearNow, version);
  useEffect(() => {
    if (printing || !element) return;
    installPrintHandlers();
    const observer = new IntersectionObserver((entries) => setNear(entries[entries.length - 1]!.isIntersecting), {
      rootMargin: AHEAD,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [printing, element]);
  return { ref: setElement, see, plot: seen || nearNow ? shownPlot : null, outdated: shownVersion !== version };
}

/**
 * `value` while `hold` is false; while it is true, the last value seen with `hold` false. A card that shows the
 * previous filters' answer while the new one loads keeps its drawing as it was, rather than redrawing the old
 * answer under the new filters and then again when the answer arrives.
 */
export function useHeldWhile<T>(hold: boolean, value: T): T {
  const [held, setHeld] = useState(value);
  if (!hold && held !== value) setHeld(value);
  return hold ? held : value;
}
