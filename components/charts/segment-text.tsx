import { labelFits, SEGMENT_LABEL_SIZE } from '@/lib/charts/segment-label';

/** A bar's total, after its end. */
export const TOTAL_LABEL_SIZE = 12;

/** What Recharts gives a LabelList's custom content: the mark's box and the index of its data row. */
export interface LabelContentProps {
  viewBox?: { x: number; y: number; width: number; height: number } | object;
  index?: number;
}

/** The mark's box, when the label belongs to a bar (a cartesian view box). */
export function boxOf(viewBox: LabelContentProps['viewBox']): { x: number; y: number; width: number; height: number } | null {
  return viewBox && 'width' in viewBox && 'height' in viewBox ? viewBox : null;
}

/** A label centred inside a bar's segment, drawn only where it fits (the tooltip names the segment always). */
export function SegmentText({ viewBox, text, colour }: LabelContentProps & { text: string; colour: string }) {
  const box = boxOf(viewBox);
  if (!box || !labelFits(text, box)) return null;
  return (
    <text
      x={box.x + box.width / 2}
      y={box.y + box.height / 2}
      textAnchor="middle"
      dominantBaseline="central"
      fontSize={SEGMENT_LABEL_SIZE}
      fill={colour}
      pointerEvents="none"
    >
      {text}
    </text>
  );
}
