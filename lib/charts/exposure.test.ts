import { describe, expect, it } from 'vitest';
import { exposureLabel, exposureRows } from './exposure';
import { PALETTE } from './palette';

describe('exposureRows', () => {
  it('lists every layer application first, then the part outside the stack, in percent', () => {
    const rows = exposureRows({
      exposures: [
        { layer: 'chips', share: '0.25' },
        { layer: 'application', share: '0.5' },
      ],
      outside: '0.25',
    });
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ['6 Application', 50],
      ['5 Execution', 0],
      ['4 Models', 0],
      ['3 Data', 0],
      ['2 Chips', 25],
      ['1 Infrastructure', 0],
      ['Outside the AI stack', 25],
    ]);
    expect(rows.at(-1)!.colour).toBe(PALETTE.outside);
  });

  it('labels a bar to two decimals at most, and an empty one not at all', () => {
    expect([exposureLabel(100 / 3), exposureLabel(25), exposureLabel(0)]).toEqual(['33.33%', '25%', '']);
  });
});
