/**
 * What changed between two audit snapshots of a record, field by field, for the history views. Values are
 * rendered as short text; nested values (exposures, lists) compare by their JSON.
 */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const IGNORED = new Set(['version', 'id']);

function showItem(v: unknown): string {
  if (v && typeof v === 'object' && 'layer' in v && 'share' in v)
    return `${String(v.layer)} ${String(v.share)}${'subLayer' in v && v.subLayer ? ` (${String(v.subLayer)})` : ''}`;
  // An exposure profile: "capex from 2020: infrastructure 0.9" ("… from the beginning: all outside").
  if (v && typeof v === 'object' && 'scope' in v && 'exposures' in v) {
    const from = 'fromYear' in v && v.fromYear !== null && v.fromYear !== undefined ? String(v.fromYear) : 'the beginning';
    const shares = Array.isArray(v.exposures) ? v.exposures.map(showItem).join(', ') : '';
    return `${String(v.scope)} from ${from}: ${shares || 'all outside'}`;
  }
  return String(v);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return value.map(showItem).join(value.some((v) => v && typeof v === 'object' && 'scope' in v) ? '; ' : ', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A company's profiles compared one by one on their key (scope and from-year): one change per profile that moved. */
function profileChanges(before: unknown, after: unknown): FieldChange[] {
  const byKey = (list: unknown) => {
    const map = new Map<string, unknown>();
    for (const p of Array.isArray(list) ? list : [])
      if (p && typeof p === 'object' && 'scope' in p)
        map.set(`${String(p.scope)} from ${'fromYear' in p && p.fromYear != null ? String(p.fromYear) : 'the beginning'}`, p);
    return map;
  };
  const b = byKey(before);
  const a = byKey(after);
  const shares = (p: unknown) =>
    p && typeof p === 'object' && 'exposures' in p && Array.isArray(p.exposures)
      ? p.exposures.map(showItem).join(', ') || 'all outside'
      : '—';
  return [...new Set([...b.keys(), ...a.keys()])]
    .filter((k) => JSON.stringify(b.get(k)) !== JSON.stringify(a.get(k)))
    .map((k) => ({ field: `profile ${k}`, before: shares(b.get(k)), after: shares(a.get(k)) }));
}

export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f));
  return (
    fields
      .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
      .flatMap((field) =>
        field === 'profiles' && before && after
          ? profileChanges(b[field], a[field])
          : [{ field, before: before ? show(b[field]) : '—', after: after ? show(a[field]) : '—' }],
      )
      // A field an older snapshot did not have (profiles before there were any) is no change when it is empty now.
      .filter((c) => c.before !== c.after)
  );
}
