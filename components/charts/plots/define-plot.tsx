'use client';

import { useContext, type ComponentType } from 'react';
import { ResponsiveContainer } from 'recharts';
import { PlotSizeContext } from '../plot';

/**
 * A plot module's default export: its Recharts chart inside a container of the size the card (on screen) or the
 * export stage (off screen) asks for. Only modules under ./plots import Recharts, and only through lazyPlot.
 */
export function definePlot<P extends object>(Chart: ComponentType<P>): ComponentType<P> {
  function Plot(props: P) {
    const { width, height } = useContext(PlotSizeContext);
    return (
      <ResponsiveContainer width={width} height={height}>
        <Chart {...props} />
      </ResponsiveContainer>
    );
  }
  Plot.displayName = `Plot(${Chart.displayName ?? Chart.name})`;
  return Plot;
}
