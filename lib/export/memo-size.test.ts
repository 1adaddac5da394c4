import { describe, expect, it } from 'vitest';
import { chartDrawingSize, MEMO_SIZE, pngPixels } from './memo-size';

describe('memo sizes', () => {
  it('is 1600 × 900 CSS px, 16:9, and 3200 × 1800 or 6400 × 3600 pixels as PNG', () => {
    expect(MEMO_SIZE.width / MEMO_SIZE.height).toBeCloseTo(16 / 9);
    expect(pngPixels(MEMO_SIZE, 2)).toEqual({ width: 3200, height: 1800 });
    expect(pngPixels(MEMO_SIZE, 4)).toEqual({ width: 6400, height: 3600 });
    expect(pngPixels({ width: 1600, height: 701 }, 2)).toEqual({ width: 3200, height: 1402 });
  });

  it('draws the chart at half its box, to be scaled up as a vector', () => {
    expect(chartDrawingSize({ width: 1472, height: 561 })).toEqual({ width: 736, height: 280 });
  });
});
