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

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value))
    return (
      value
        .map((v) =>
          v && typeof v === 'object' && 'layer' in v && 'share' in v
            ? `${String(v.layer)} ${String(v.share)}${'subLayer' in v && v.subLayer ? ` (${String(v.subLayer)})` : ''}`
            : String(v),
        )
        .join(', ') || '—'
    );
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !IGNORED.has(f));
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((field) => ({ field, before: before ? show(b[field]) : '—', after: after ? show(a[field]) : '—' }));
}
