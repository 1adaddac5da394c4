import { caseFold } from '../case-fold';

/**
 * Compares two strings code point by code point (plain `<` compares UTF-16 units, which puts 😀 before U+E000).
 * Unit by unit while the units are not surrogates — the same order, without decoding — and by code point from the
 * first differing unit that is one.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isSurrogate(x) || isSurrogate(y)) return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
    return x - y;
  }
  return a.length - b.length;
}

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/**
 * Orders companies by name case-insensitively (docs/data-contract.md §5): the case-folded names compared by code point, so the
 * order does not depend on a locale (`eagle` < `Zeta` < `Élan`, as in a database's C collation); ties by id.
 */
export function compareByName(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return compareCodePoints(caseFold(a.name), caseFold(b.name)) || compareCodePoints(a.id, b.id);
}

/**
 * The first `count` items in the order `before`, kept by insertion into a short sorted list: ranking 10,000
 * companies to keep five needs no full sort. Ties keep input order.
 */
export function firstInOrder<T>(items: Iterable<T>, count: number, before: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (count <= 0) return best;
  for (const item of items) {
    if (best.length === count && before(item, best[count - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && before(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
