'use client';

import { Rectangle, type BarShapeProps } from 'recharts';
import { PALETTE } from '@/lib/charts/palette';

/** How opaque a mark is whose year is under the coverage threshold: faded, so a partial year does not read as whole. */
export const LOW_COVERAGE_OPACITY = 0.3;

/**
 * A bar (or stack segment) whose row is under the coverage threshold (`payload.low`): faded, outlined with a dash, and
 * marked `data-coverage="low"` so tests and readers of an exported SVG can find it. Other bars draw as Recharts would.
 */
export function CoverageBar(props: BarShapeProps) {
  const low = (props.payload as { low?: boolean } | undefined)?.low === true;
  if (!low) return <Rectangle {...props} />;
  return (
    <g data-coverage="low">
      <Rectangle {...props} fillOpacity={LOW_COVERAGE_OPACITY} stroke={PALETTE.reference} strokeDasharray="4 3" />
    </g>
  );
}
