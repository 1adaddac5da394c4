/**
 * How the audit log reads to a person: what an event was about, by name ("NVIDIA · Revenue reported FY2024"), and
 * what changed, field by field ("value: 60,922 → 61,000"), instead of ids and JSON. Pure: the data layer supplies
 * the company and user names an event's ids stand for. Client code imports this module.
 */

/** One changed field of an event: its value before and after, as text (null where it had none). */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A change as one line: "value: 60922 → 61000", "source: (none) → 10-K". */
export function changeText({ field, before, after }: AuditChange): string {
  return `${field}: ${before ?? '(none)'} → ${after ?? '(none)'}`;
}

/** Bookkeeping every versioned row carries: a change of these alone says nothing to a reader. */
const NOISE = new Set(['id', 'version', 'createdAt', 'updatedAt', 'updatedBy']);

const METRIC_NAMES: Record<string, string> = { revenue: 'Revenue', capex: 'Capex', operating_income: 'Operating income' };

type Snapshot = Record<string, unknown>;
const isSnapshot = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as one line of text: lists joined by commas, an object's values (not its keys) by spaces. */
export function auditValueText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((v) => auditValueText(v) ?? '—').join(', ');
  if (isSnapshot(value))
    return Object.values(value)
      .flatMap((v) => {
        const text = auditValueText(v);
        return text === null ? [] : [Array.isArray(v) ? `(${text})` : text];
      })
      .join(' ');
  return String(value);
}

/**
 * The fields an event changed, in the order the snapshot lists them: for a creation every field it set, for a
 * deletion every field it had, for an update only those that differ. Ids, versions and timestamps are left out.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (!isSnapshot(before) && !isSnapshot(after)) {
    const [b, a] = [auditValueText(before), auditValueText(after)];
    return b === a ? [] : [{ field: 'value', before: b, after: a }];
  }
  const was = isSnapshot(before) ? before : {};
  const is = isSnapshot(after) ? after : {};
  const fields = [...new Set([...Object.keys(is), ...Object.keys(was)])].filter((f) => !NOISE.has(f));
  return fields.flatMap((field) => {
    const [b, a] = [auditValueText(was[field]), auditValueText(is[field])];
    return b === a ? [] : [{ field, before: b, after: a }];
  });
}

/** The names behind an event's ids: companies by id, users by id. */
export interface AuditNames {
  companies: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
}

/** The ids of companies and users an event's subject needs named. */
export function auditSubjectIds(event: { entityType: string; entityId: string | null; before: unknown; after: unknown }): {
  companies: string[];
  users: string[];
} {
  const snapshot = (isSnapshot(event.after) ? event.after : isSnapshot(event.before) ? event.before : {}) as Snapshot;
  const ids = (...keys: string[]) => keys.map((k) => snapshot[k]).filter((v): v is string => typeof v === 'string');
  switch (event.entityType) {
    case 'company':
      return { companies: event.entityId ? [event.entityId] : [], users: [] };
    case 'figure':
      return { companies: ids('companyId'), users: [] };
    case 'flow':
      return { companies: ids('payerId', 'payeeId'), users: [] };
    case 'user':
      return { companies: [], users: event.entityId ? [event.entityId] : [] };
    default:
      return { companies: [], users: [] };
  }
}

/**
 * What an event was about, in words: a company by name, a figure as company · metric kind period, a flow as
 * payer → payee, a user by email, a list or a token by name, an FX rate as currency and year, the firm's mark as
 * such. A company since
 * deleted is named from the event's own snapshot; what cannot be named falls back to the id.
 */
export function auditSubject(
  event: { entityType: string; entityId: string | null; before: unknown; after: unknown },
  names: AuditNames,
): string {
  const s = (isSnapshot(event.after) ? event.after : isSnapshot(event.before) ? event.before : {}) as Snapshot;
  const text = (key: string) => (typeof s[key] === 'string' || typeof s[key] === 'number' ? String(s[key]) : null);
  const company = (id: string | null) => (id ? (names.companies.get(id) ?? 'a deleted company') : 'a company');
  const fallback = event.entityId ?? '—';
  switch (event.entityType) {
    case 'company':
      return (event.entityId && names.companies.get(event.entityId)) ?? text('name') ?? fallback;
    case 'figure': {
      if (!text('metric')) return fallback;
      const quarter = text('fiscalQuarter');
      const period = `FY${text('fiscalYear')}${quarter ? ` Q${quarter}` : ''}`;
      return `${company(text('companyId'))} · ${METRIC_NAMES[text('metric')!] ?? text('metric')} ${text('kind')} ${period}`;
    }
    case 'flow':
      if (!text('payerId')) return fallback;
      return `${company(text('payerId'))} (${text('payerLayer')}) → ${company(text('payeeId'))} (${text('payeeLayer')}), ${text('year')}`;
    case 'user':
      return (event.entityId && names.users.get(event.entityId)) ?? text('email') ?? fallback;
    case 'fx_rate': // its id is the currency and year: EUR-2024
      return fallback.replace('-', ' ');
    case 'firm': // one row, so the subject is the mark itself; a new name is one of the changed fields
      return "The firm's name and logo";
    default:
      return text('name') ?? text('email') ?? fallback;
  }
}
