import { yearAxisLabel } from '@/lib/charts/chart-years';
import { PALETTE } from '@/lib/charts/palette';
import type { UsdAxis } from '@/lib/charts/usd-axis';

/** Sized for a laptop and a 1440-px monitor alike: the card's width changes, the height does not. */
export const CHART_HEIGHT = 340;
/** The Sankey of the stack is taller: up to seven nodes a column, each with a label that must not touch the next. */
export const SANKEY_HEIGHT = 440;
export const AXIS_TICK = { fontSize: 12, fill: PALETTE.axisTick };
/** Axis titles: dark enough to read on a slide (Recharts' default grey is below 4.5:1 on white). */
export const AXIS_LABEL = { fontSize: 12, fill: PALETTE.axisLabel };
/** The band a tooltip's cursor draws behind the hovered bars. */
export const HOVER_CURSOR = { fill: PALETTE.cursor };

/** A category axis of years, titled with the basis ("Calendar year", "Fiscal year"). */
export function yearAxisProps(basis: 'calendar' | 'fiscal') {
  return {
    dataKey: 'year',
    tick: AXIS_TICK,
    interval: 0 as const,
    label: { value: yearAxisLabel(basis), position: 'insideBottom' as const, offset: -14, ...AXIS_LABEL },
  };
}

/** A value axis of USD millions on `axis`'s round ticks, its title naming the unit once: "Revenue ($B)". */
export function usdAxisProps(axis: UsdAxis, title: string, direction: 'x' | 'y') {
  const value = `${title} (${axis.symbol})`;
  return {
    domain: axis.domain,
    ticks: axis.ticks,
    interval: 0 as const,
    tickFormatter: axis.tick,
    tick: AXIS_TICK,
    label:
      direction === 'y'
        ? { value, angle: -90, position: 'insideLeft' as const, ...AXIS_LABEL, style: { textAnchor: 'middle' as const } }
        : { value, position: 'insideBottom' as const, offset: -14, ...AXIS_LABEL },
  };
}
