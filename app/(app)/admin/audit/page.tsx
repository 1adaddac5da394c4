import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Table } from '@/components/ui/table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { AUDIT_PAGE_SIZE, auditFilterSchema, type AuditFilter } from '@/lib/audit/schema';
import { listAuditEvents } from '@/lib/dal/audit';
import { formatDateTime } from '@/lib/format';
import type { AuditChange } from '@/lib/audit/describe';

export const metadata: Metadata = { title: 'Audit log' };

function filterParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['actor', 'entity', 'from', 'to'] as const) if (filter[key]) params.set(key, filter[key]!);
  return params;
}

function pageHref(filter: AuditFilter, page: number): string {
  const params = filterParams(filter);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/admin/audit${query ? `?${query}` : ''}`;
}

/** The CSV of every event the current filter matches, not only this page's. */
function exportHref(filter: AuditFilter): string {
  const query = filterParams(filter).toString();
  return `/api/v1/export/audit.csv${query ? `?${query}` : ''}`;
}

/** How many changed fields a row shows before folding the rest under "N more". */
const CHANGES_SHOWN = 4;

function ChangeLine({ change }: { change: AuditChange }) {
  return (
    <li>
      <span className="muted">{change.field}:</span> {change.before !== null && <del>{change.before}</del>}
      {change.before !== null && change.after !== null && ' → '}
      {change.after !== null && <ins>{change.after}</ins>}
    </li>
  );
}

/** An event's changes, before → after, the first few shown and the rest a click away. */
function Changes({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return <span className="muted">—</span>;
  const rest = changes.slice(CHANGES_SHOWN);
  return (
    <ul className="audit-changes">
      {changes.slice(0, CHANGES_SHOWN).map((c) => (
        <ChangeLine key={c.field} change={c} />
      ))}
      {rest.length > 0 && (
        <li>
          <details>
            <summary>{rest.length} more</summary>
            <ul className="audit-changes">
              {rest.map((c) => (
                <ChangeLine key={c.field} change={c} />
              ))}
            </ul>
          </details>
        </li>
      )}
    </ul>
  );
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requireUser('admin');
  const filter = auditFilterSchema.parse(await searchParams);
  const { items, total, entityTypes } = await listAuditEvents({ actor }, filter);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return (
    <>
      <PageHeader title="Audit log">Every write, by anyone, through the web, the API or the CLI. Times in UTC.</PageHeader>
      <form className="card form-row" method="get" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="actor">Actor</label>
          <input id="actor" name="actor" defaultValue={filter.actor} placeholder="email or system" />
        </div>
        <div className="field">
          <label htmlFor="entity">Entity</label>
          <select id="entity" name="entity" defaultValue={filter.entity ?? ''}>
            <option value="">Any</option>
            {entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} />
        </div>
        <div className="field">
          <label htmlFor="to">To</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} />
        </div>
        <button className="btn btn-primary" type="submit">
          Filter
        </button>
        <Link className="btn" href="/admin/audit">
          Clear
        </Link>
        <a className="btn" href={exportHref(filter)} download>
          Export CSV
        </a>
      </form>
      {items.length === 0 ? (
        <p className="card empty">No events match these filters.</p>
      ) : (
        <Table columns={['When', 'Actor', 'Action', 'About', 'Changes']} label="Audit events">
          {items.map((e) => (
            <tr key={e.id} className="audit-row">
              <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td className="mono">{e.action}</td>
              <td>
                {e.subject}
                <div className="muted" style={{ fontSize: '0.75rem' }}>
                  {e.entityType}
                </div>
              </td>
              <td>
                <Changes changes={e.changes} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <nav className="pager" aria-label="Pages">
        <span className="muted">
          {total} {total === 1 ? 'event' : 'events'} · page {Math.min(filter.page, pages)} of {pages}
        </span>
        {filter.page > 1 && (
          <Link className="btn btn-small" href={pageHref(filter, filter.page - 1)}>
            ← Newer
          </Link>
        )}
        {filter.page < pages && (
          <Link className="btn btn-small" href={pageHref(filter, filter.page + 1)}>
            Older →
          </Link>
        )}
      </nav>
    </>
  );
}
