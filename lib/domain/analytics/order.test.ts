import { describe, expect, it } from 'vitest';
import { compareByName, compareCodePoints } from './order';

describe('compareCodePoints', () => {
  it('orders by code point, not UTF-16 unit: U+E000 before 😀 (U+1F600)', () => {
    expect(compareCodePoints('\uE000', '😀')).toBeLessThan(0);
    expect('\uE000' < '😀').toBe(false); // what plain string comparison would say
  });

  it('agrees with a code point by code point comparison on random strings with and without surrogates', () => {
    const units = ['a', 'Z', 'é', '\uE000', '\uFFFF', '😀', '𝔸', '\uD7FF'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(next() * 5) }, () => units[Math.floor(next() * units.length)]).join('');
    const slow = (a: string, b: string) => {
      const [x, y] = [[...a].map((c) => c.codePointAt(0)!), [...b].map((c) => c.codePointAt(0)!)];
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    };
    for (let i = 0; i < 5_000; i++) {
      const [a, b] = [word(), word()];
      expect(Math.sign(compareCodePoints(a, b)), `${a} vs ${b}`).toBe(Math.sign(slow(a, b)));
    }
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
