import { textWidth } from '../export/text-width';

/** The size of the labels drawn inside a chart's marks (company names, shares). */
export const SEGMENT_LABEL_SIZE = 11;
/** Room left between a label and its mark's edges, on each side. */
const PAD = 4;

export interface MarkBox {
  width: number;
  height: number;
}

/**
 * Whether `text` fits inside a mark of `box` with room to spare: a label that would spill over a segment's edge is
 * left to the tooltip. Widths are estimated (text-width.ts), so the label fits on screen and in the memo alike.
 */
export function labelFits(text: string, box: MarkBox, fontSize = SEGMENT_LABEL_SIZE): boolean {
  return textWidth(text, fontSize) + 2 * PAD <= Math.abs(box.width) && fontSize + 2 * PAD <= Math.abs(box.height);
}

/** How far apart the lines of a label of `fontSize` sit. */
export const lineHeight = (fontSize = SEGMENT_LABEL_SIZE) => fontSize * 1.25;

/** The lines of `lines` that fit in `box`, top first, each `lineHeight` tall; none when the first does not. */
export function linesThatFit(lines: readonly string[], box: MarkBox, fontSize = SEGMENT_LABEL_SIZE): string[] {
  const fitting: string[] = [];
  for (const line of lines) {
    const height = fitting.length * lineHeight(fontSize) + fontSize;
    if (textWidth(line, fontSize) + 2 * PAD > Math.abs(box.width) || height + 2 * PAD > Math.abs(box.height)) break;
    fitting.push(line);
  }
  return fitting;
}
