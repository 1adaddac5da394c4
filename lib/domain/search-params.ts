import type { z } from 'zod';

/** A page's search params as Next hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of each key; blank values count as absent. */
export function flatSearch(params: SearchParams | URLSearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params] : Object.entries(params);
  const flat: Record<string, string> = {};
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value !== '' && !(key in flat)) flat[key] = value;
  }
  return flat;
}

/**
 * Reads a page's filters from its URL leniently: a value the schema refuses falls back to that key's default,
 * so a hand-edited link still opens the page rather than an error.
 */
export function parseSearchLeniently<S extends z.ZodType>(schema: S, params: SearchParams | URLSearchParams): z.output<S> {
  const flat = flatSearch(params);
  const strict = schema.safeParse(flat);
  if (strict.success) return strict.data;
  const bad = new Set(strict.error.issues.map((i) => String(i.path[0])));
  return schema.parse(Object.fromEntries(Object.entries(flat).filter(([key]) => !bad.has(key))));
}
