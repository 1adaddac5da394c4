import { describe, expect, it } from 'vitest';
import { textWidth } from '../export/text-width';
import { labelFits, lineHeight, linesThatFit, SEGMENT_LABEL_SIZE } from './segment-label';

describe('labelFits', () => {
  const width = textWidth('Microsoft', SEGMENT_LABEL_SIZE);
  it('fits a name with room either side, not one that touches the edges', () => {
    expect(labelFits('Microsoft', { width: width + 8, height: 30 })).toBe(true);
    expect(labelFits('Microsoft', { width: width + 7, height: 30 })).toBe(false);
  });
  it('needs the height of a line', () => {
    expect(labelFits('Microsoft', { width: 200, height: SEGMENT_LABEL_SIZE + 8 })).toBe(true);
    expect(labelFits('Microsoft', { width: 200, height: SEGMENT_LABEL_SIZE + 7 })).toBe(false);
  });
  it('measures a bar drawn leftwards (a negative width) by its size', () => {
    expect(labelFits('Microsoft', { width: -200, height: 30 })).toBe(true);
  });
});

describe('linesThatFit', () => {
  it('keeps the lines that fit from the top and stops at the first that does not', () => {
    const lines = ['Models', '12% of revenue', '35% margin'];
    expect(linesThatFit(lines, { width: 200, height: 200 })).toEqual(lines);
    expect(linesThatFit(lines, { width: 200, height: lineHeight() + SEGMENT_LABEL_SIZE + 8 })).toEqual(lines.slice(0, 2));
    expect(linesThatFit(lines, { width: textWidth('Models', SEGMENT_LABEL_SIZE) + 8, height: 200 })).toEqual(['Models']);
    expect(linesThatFit(lines, { width: 10, height: 200 })).toEqual([]);
  });
});
