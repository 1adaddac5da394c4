import { caseFold } from '../case-fold';

/** Compares two strings code point by code point (plain `<` compares UTF-16 units, which puts 😀 before U+E000). */
export function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done || y.done) return Number(!x.done) - Number(!y.done);
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}

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
