import { describe, expect, it } from 'vitest';
import { ThousandsColumn } from './thousands';

/** Reads a column's values on lines 2, 3, … and returns what the value rules see and what the column refuses. */
function readColumn(values: string[]) {
  const column = new ThousandsColumn();
  const read = values.map((v, i) => column.read(i + 2, v));
  return { read, problems: column.problems() };
}

describe('ThousandsColumn (docs/data-contract.md §6, figures.csv)', () => {
  it.each([
    ['a dot decimal elsewhere in the column', ['1,200', '3.5'], ['1200', '3.5']],
    ['a dot decimal in the grouped value itself', ['60,922.5', '7'], ['60922.5', '7']],
    ['two separators in one value', ['1,200,000', '1,200'], ['1200000', '1200']],
    ['a negative grouped value', ['-1,250', '0.5'], ['-1250', '0.5']],
  ])('reads a grouped value as thousands given %s', (_, values, read) => {
    expect(readColumn(values)).toEqual({ read, problems: [] });
  });

  it('leaves ungrouped and malformed values as they are, for the value rules to judge', () => {
    expect(readColumn(['12,34', '1,5', 'abc', '1,2000', ' 42 ']).read).toEqual(['12,34', '1,5', 'abc', '1,2000', '42']);
  });

  it('refuses a grouped value when no value in the column writes decimals with a dot, naming its line and both readings', () => {
    expect(readColumn(['10', '1,200']).problems).toEqual([
      {
        line: 3,
        message:
          '1,200 could be 1200 or, with a decimal comma, 1.200: no value in this file writes decimals with a dot. Write 1200 without thousands separators.',
      },
    ]);
  });

  it('refuses every grouped value when the column also writes a decimal comma, even beside dot decimals', () => {
    const { problems } = readColumn(['1,200', '3.5', '2,75', '4,500']);
    expect(problems.map((p) => p.line)).toEqual([2, 5]);
    expect(problems[0]!.message).toBe(
      '1,200 is ambiguous: this file also writes decimals with a comma. Write 1200 without thousands separators, or decimals with a dot.',
    );
  });
});
