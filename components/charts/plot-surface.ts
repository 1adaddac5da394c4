/** The class of the <svg> of a plot drawn in plain SVG, without Recharts (the Sankey of the stack). */
export const PLOT_SURFACE_CLASS = 'plot-surface';

/**
 * A chart's own drawing on the page: Recharts' surface (legend icons are `svg.recharts-surface` too, so the chart is
 * the one directly inside the wrapper) or a plain-SVG plot's. The export copies it; printing waits for it.
 */
export const CHART_SVG_SELECTOR = `.recharts-wrapper > svg.recharts-surface, svg.${PLOT_SURFACE_CLASS}`;
