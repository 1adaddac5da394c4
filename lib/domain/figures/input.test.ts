import { describe, expect, it } from 'vitest';
import { figureValueProblem } from './input';

describe('a figure or flow value that is not a plain number says what to write', () => {
  it('names a thousands separator and a decimal comma, rather than only the rule', () => {
    expect(figureValueProblem('1,200')).toBe(
      'Write 1200 without thousands separators (a comma here could also be a decimal comma: write decimals with a dot).',
    );
    expect(figureValueProblem('60,922.5')).toMatch(/^Write 60922\.5 without thousands separators/);
    expect(figureValueProblem('1,5')).toBe('Write decimals with a dot: 1.5.');
    expect(figureValueProblem('12 M')).toBe('Enter a number in millions with at most 6 decimals, e.g. 60922.5.');
    expect(figureValueProblem('1200')).toBeNull();
  });
});
