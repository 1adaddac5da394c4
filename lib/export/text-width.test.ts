import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './text-width';

describe('text width and wrapping', () => {
  it('estimates Arial widths: wider for capitals and bold, proportional to the size', () => {
    expect(textWidth('iiii', 20)).toBeLessThan(textWidth('MMMM', 20));
    expect(textWidth('Revenue', 40)).toBeCloseTo(2 * textWidth('Revenue', 20));
    expect(textWidth('Revenue', 20, true)).toBeGreaterThan(textWidth('Revenue', 20));
    // "Revenue" is about 3.7 em in Arial.
    expect(textWidth('Revenue', 10)).toBeGreaterThan(33);
    expect(textWidth('Revenue', 10)).toBeLessThan(42);
  });

  it('wraps at word boundaries within the width', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 100, 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(100);
  });

  it('keeps a word wider than the line on a line of its own', () => {
    expect(wrapText('Supercalifragilistic yes', 50, 20)).toEqual(['Supercalifragilistic', 'yes']);
  });

  it('cuts at maxLines with an ellipsis, never silently', () => {
    const lines = wrapText('alpha beta gamma delta epsilon zeta eta theta iota kappa', 120, 20, { maxLines: 2 });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(textWidth(lines[1]!, 20)).toBeLessThanOrEqual(120);
  });
});
