import { describe, expect, it } from 'vitest';
import { parseShareCells, primaryLayer, SHARE_COLUMNS, sharesSumProblem } from './shares';

describe('SHARE_COLUMNS', () => {
  it('is the six layers in stack order, then outside', () => {
    expect(SHARE_COLUMNS).toEqual(['infrastructure', 'chips', 'data', 'models', 'execution', 'application', 'outside']);
  });
});

describe('parseShareCells', () => {
  it('reads fractions and omits blank and zero layers', () => {
    expect(parseShareCells({ chips: '0.6', models: '0.4', data: '0', execution: null })).toEqual({
      ok: true,
      shares: { chips: '0.6', models: '0.4' },
      outside: '0',
    });
  });

  it('reads percentages and divides them by 100', () => {
    expect(parseShareCells({ chips: '60', models: '25', outside: '15' })).toEqual({
      ok: true,
      shares: { chips: '0.6', models: '0.25' },
      outside: '0.15',
    });
  });

  it('returns canonical decimals: no trailing zeros, no exponent, exact', () => {
    expect(parseShareCells({ infrastructure: '0.100000', application: '0.90' })).toEqual({
      ok: true,
      shares: { infrastructure: '0.1', application: '0.9' },
      outside: '0',
    });
    expect(parseShareCells({ infrastructure: '0.0000005', application: '99.9999995' })).toEqual({
      ok: true,
      shares: { infrastructure: '0.000000005', application: '0.999999995' },
      outside: '0',
    });
  });

  it('reads the outside column as the part of the business outside the stack', () => {
    expect(parseShareCells({ infrastructure: '0.3', outside: '0.7' })).toEqual({
      ok: true,
      shares: { infrastructure: '0.3' },
      outside: '0.7',
    });
  });

  it('without an outside column the layers must make up the whole business', () => {
    const result = parseShareCells({ infrastructure: '0.3' });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          column: 'shares',
          message:
            'the shares sum to 0.3 (expected 1 as fractions or 100 as percentages; put the rest of the business in outside)',
        },
      ],
    });
  });

  it('reads a lone 1 as 100% in that layer, and a lone 100 the same', () => {
    const whole = { ok: true, shares: { execution: '1' }, outside: '0' };
    expect(parseShareCells({ execution: '1' })).toEqual(whole);
    expect(parseShareCells({ execution: '100' })).toEqual(whole);
    expect(parseShareCells({ execution: '100.000' })).toEqual(whole);
  });

  it('reports a row with no shares at all', () => {
    const result = parseShareCells({ name: 'Acme' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ column: 'shares', message: expect.stringContaining('sum to 0 (') }]);
  });

  it('accepts a sum within 1e-6 of 1, or within 1e-4 of 100', () => {
    expect(parseShareCells({ chips: '0.3333333', data: '0.3333333', models: '0.3333333' })).toEqual({
      ok: true,
      shares: { chips: '0.3333333', data: '0.3333333', models: '0.3333333' },
      outside: '0',
    });
    expect(parseShareCells({ chips: '0.333333', data: '0.333333', models: '0.333334', outside: '0.0000005' }).ok).toBe(true);
    expect(parseShareCells({ chips: '33.3333', data: '33.3333', models: '33.3333' })).toEqual({
      ok: true,
      shares: { chips: '0.333333', data: '0.333333', models: '0.333333' },
      outside: '0',
    });
  });

  it('refuses a sum just beyond the tolerance', () => {
    expect(parseShareCells({ chips: '0.5', data: '0.4999989' })).toMatchObject({
      ok: false,
      issues: [{ column: 'shares', message: expect.stringContaining('sum to 0.9999989 ') }],
    });
    expect(parseShareCells({ chips: '50', data: '49.9998' })).toMatchObject({
      ok: false,
      issues: [{ column: 'shares', message: expect.stringContaining('sum to 99.9998 ') }],
    });
    expect(parseShareCells({ chips: '0.6', outside: '0.3' })).toMatchObject({
      ok: false,
      issues: [{ column: 'shares', message: expect.stringContaining('sum to 0.9 ') }],
    });
  });

  it('refuses a fraction above 1 that makes the sum neither 1 nor 100', () => {
    expect(parseShareCells({ chips: '1.5' })).toMatchObject({
      ok: false,
      issues: [{ column: 'shares', message: expect.stringContaining('sum to 1.5 ') }],
    });
    expect(parseShareCells({ chips: '0.6', models: '40' })).toMatchObject({
      ok: false,
      issues: [{ column: 'shares', message: expect.stringContaining('sum to 40.6 ') }],
    });
  });

  it('refuses a share above 1 that the tolerance would let through', () => {
    expect(parseShareCells({ chips: '1.0000005' })).toEqual({
      ok: false,
      issues: [{ column: 'chips', message: 'the chips share is 1.0000005, more than 1 (100%)' }],
    });
    expect(parseShareCells({ chips: '100.00005' })).toEqual({
      ok: false,
      issues: [{ column: 'chips', message: 'the chips share is 1.0000005, more than 1 (100%)' }],
    });
  });

  it('refuses a negative share, naming the column', () => {
    expect(parseShareCells({ chips: '1.1', data: '-0.1' })).toEqual({
      ok: false,
      issues: [{ column: 'data', message: 'the data share cannot be negative (-0.1)' }],
    });
  });

  it.each(['1e3', 'abc', '50%', '1,5', '0.5.1', '.', '-', '1 000'])(
    'refuses %j as not a plain decimal, naming the value',
    (cell) => {
      expect(parseShareCells({ chips: cell, data: '1' })).toEqual({
        ok: false,
        issues: [
          {
            column: 'chips',
            message: `"${cell}" is not a plain decimal number (write e.g. 0.25 or 25, without %, commas or exponent)`,
          },
        ],
      });
    },
  );

  it('reports every bad cell of the row', () => {
    const result = parseShareCells({ chips: 'x', models: '-1', outside: '5%' });
    expect(result.ok ? [] : result.issues.map((i) => i.column)).toEqual(['chips', 'models', 'outside']);
  });

  it('accepts forms spreadsheets write: surrounding spaces, a leading point, a plus sign', () => {
    expect(parseShareCells({ chips: ' .25 ', data: '+0.75' })).toEqual({
      ok: true,
      shares: { chips: '0.25', data: '0.75' },
      outside: '0',
    });
  });
});

describe('sharesSumProblem', () => {
  it('accepts shares in (0, 1] summing to at most 1', () => {
    expect(sharesSumProblem({})).toBeNull();
    expect(sharesSumProblem({ chips: '0.6', models: '0.4' })).toBeNull();
    expect(sharesSumProblem({ chips: '0.3' })).toBeNull();
    expect(sharesSumProblem({ application: '1' })).toBeNull();
    expect(sharesSumProblem({ chips: '0.5', models: '0.5000009' })).toBeNull();
  });

  it('refuses a sum above 1 + 1e-6', () => {
    expect(sharesSumProblem({ chips: '0.6', models: '0.5' })).toBe(
      'The layer shares sum to 1.1, more than 1; the rest of the business is outside the AI stack.',
    );
    expect(sharesSumProblem({ chips: '0.5', models: '0.5000011' })).toContain('sum to 1.0000011');
  });

  it('refuses a share of 0 or less, above 1, or not a decimal', () => {
    expect(sharesSumProblem({ chips: '0' })).toBe('The Chips share must be more than 0; leave the layer out instead.');
    expect(sharesSumProblem({ chips: '-0.2' })).toBe('The Chips share must be more than 0; leave the layer out instead.');
    expect(sharesSumProblem({ data: '60' })).toBe('The Data share 60 is more than 1; enter fractions, e.g. 0.6 for 60%.');
    expect(sharesSumProblem({ models: '60%' })).toBe('The Models share "60%" is not a decimal number.');
  });

  it('names every bad share', () => {
    expect(sharesSumProblem({ chips: '0', models: 'x' })).toBe(
      'The Chips share must be more than 0; leave the layer out instead. The Models share "x" is not a decimal number.',
    );
  });
});

describe('primaryLayer', () => {
  it('is the layer with the largest share, compared by value', () => {
    expect(primaryLayer({ chips: '0.3', models: '0.45', application: '0.25' })).toBe('models');
    expect(primaryLayer({ chips: '0.1000', data: '0.09' })).toBe('chips');
  });

  it('breaks a tie in favour of the lower layer, whatever the key order', () => {
    expect(primaryLayer({ application: '0.4', chips: '0.4', data: '0.2' })).toBe('chips');
    expect(primaryLayer({ execution: '0.5', infrastructure: '0.50' })).toBe('infrastructure');
  });

  it('is null when no share is above 0', () => {
    expect(primaryLayer({})).toBeNull();
    expect(primaryLayer({ chips: '0' })).toBeNull();
  });

  it('skips values that are not decimals', () => {
    expect(primaryLayer({ chips: 'abc', data: '0.1' })).toBe('data');
  });
});
