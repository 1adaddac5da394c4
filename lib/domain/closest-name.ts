import { distance } from 'fastest-levenshtein';
import { caseFold } from './case-fold';

/**
 * The known name closest to one that matched nothing, for a "did you mean …?" — or null when none is close enough
 * to be a slip (a few letters off: at most a third of the name's length, and at least one). Compared case-folded,
 * ties to the earlier candidate, so the answer does not depend on anything but the input and the candidates' order.
 */
export function closestName(input: string, candidates: readonly { key: string; name: string }[]): string | null {
  const wanted = caseFold(input);
  const allowed = Math.max(1, Math.round(wanted.length / 3));
  let best: { name: string; distance: number } | null = null;
  for (const { key, name } of candidates) {
    // Names whose lengths differ by more than the allowance cannot be within it.
    if (Math.abs(key.length - wanted.length) > allowed) continue;
    const d = distance(wanted, key);
    if (d <= allowed && (best === null || d < best.distance)) best = { name, distance: d };
  }
  return best?.name ?? null;
}
