/**
 * The key under which company names and tickers are compared (docs/data-contract.md §2, §6): trimmed, NFKC-normalised and
 * case-folded, so `SOCIÉTÉ D'AGENTS` matches `Société d'Agents` and `STRASSE` matches `Straße`.
 *
 * JavaScript has no Unicode case folding, so this approximates it with upper-casing then lower-casing:
 * upper-casing expands ß to SS and merges σ/ς into Σ, and lower-casing is locale-independent. NFKC first
 * unifies compatibility forms (ﬁ → fi, full-width Ａ → A); NFKC again at the end recomposes what case
 * mapping decomposed (ǰ → J̌ → ǰ). Limits: Turkish İ becomes i + a combining dot (it does not match I),
 * dotless ı matches i, and inner whitespace is kept as written.
 */
export function caseFold(value: string): string {
  return value.trim().normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}
