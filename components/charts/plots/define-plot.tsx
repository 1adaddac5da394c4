'use client';

import { useContext, type ComponentType } from 'react';
import { ResponsiveContainer } from 'recharts';
import { PlotSizeContext } from '../plot';

/**
 * A plot module's default export: its Recharts chart inside a container of the size the card (on screen) or the
 * export stage (off screen) asks for. Only modules under ./plots import Recharts, and only through lazyPlot.
 */
export function definePlot<P extends object>(
  Chart: ComponentType<P>,
  { screenHeight }: { screenHeight?: number } = {},
): ComponentType<P> {
  function Plot(props: P) {
    const size = useContext(PlotSizeContext);
    const { width } = size;
    // On screen (the card's full width) a chart may ask for more height than CHART_HEIGHT; an export's stage gives a
    // size in pixels, which wins.
    const height = screenHeight !== undefined && width === '100%' ? screenHeight : size.height;
    return (
      <ResponsiveContainer width={width} height={height}>
        <Chart {...props} />
      </ResponsiveContainer>
    );
  }
  Plot.displayName = `Plot(${Chart.displayName ?? Chart.name})`;
  return Plot;
}
