import { describe, expect, it } from 'vitest';
import { compareByName, compareCodePoints } from './order';

describe('compareCodePoints', () => {
  it('orders by code point, not UTF-16 unit: U+E000 before 😀 (U+1F600)', () => {
    expect(compareCodePoints('\uE000', '😀')).toBeLessThan(0);
    expect('\uE000' < '😀').toBe(false); // what plain string comparison would say
  });

  it('puts a prefix first and finds equal strings equal', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'ab')).toBeGreaterThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
    expect(compareCodePoints('', '')).toBe(0);
  });
});

describe('compareByName', () => {
  const sorted = (companies: { id: string; name: string }[]) => [...companies].sort(compareByName).map((c) => c.id);

  it('ignores case, then compares code points: eagle < Zeta < Élan (é is U+00E9, after z)', () => {
    expect(
      sorted([
        { id: '1', name: 'Zeta' },
        { id: '2', name: 'Élan' },
        { id: '3', name: 'eagle' },
      ]),
    ).toEqual(['3', '1', '2']);
  });

  it('matches names by Unicode case folding (ß = ss) and breaks ties by id', () => {
    expect(
      sorted([
        { id: 'b', name: 'STRASSE' },
        { id: 'a', name: 'Straße' },
        { id: 'c', name: 'strasse ag' },
        { id: '0', name: 'Stras' },
      ]),
    ).toEqual(['0', 'a', 'b', 'c']);
  });
});
