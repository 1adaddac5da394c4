/**
 * Every export is composed on one fixed 16:9 canvas, in CSS pixels, whatever the size of the browser window, so a
 * chart looks the same in every memo.
 */
export const MEMO_SIZE = { width: 1600, height: 900 } as const;

/** PNG resolutions: 2× by default (3200 × 1800 pixels, sharp on a slide), 4× for print. */
export const PNG_SCALES = [2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];
export const DEFAULT_PNG_SCALE: PngScale = 2;

export interface Size {
  width: number;
  height: number;
}

/** A composition's size in image pixels at a PNG scale. */
export function pngPixels(size: Size, scale: PngScale): Size {
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

/**
 * The chart is drawn at its on-screen type sizes (12 px ticks) into a box this many times smaller than its place on
 * the canvas, then scaled up as a vector: type, strokes and marks keep the proportions of the screen and read at
 * memo size (24 px ticks on a 1600-px canvas).
 */
export const CHART_SCALE = 2;

/** The size to draw the chart at for a box on the canvas. */
export function chartDrawingSize(box: Size): Size {
  return { width: Math.floor(box.width / CHART_SCALE), height: Math.floor(box.height / CHART_SCALE) };
}
