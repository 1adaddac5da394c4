import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SnapshotCompare } from '@/components/snapshots/snapshot-compare';
import { DeleteSnapshotButton } from '@/components/snapshots/delete-snapshot-button';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/session';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { getSnapshot, listSnapshots } from '@/lib/dal/snapshots';
import { METRIC_NAMES } from '@/lib/domain/figures/types';
import { hasRole } from '@/lib/domain/roles';
import { formatDateTime } from '@/lib/format';
import type { Snapshot } from '@/lib/snapshots/schema';

export const metadata: Metadata = { title: 'Snapshots' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Snapshots for memos (docs/data-contract.md §7): the list, and with `?id=` one snapshot — what it froze, when and
 * from which data — next to today's numbers on demand.
 */
export default async function SnapshotsPage({ searchParams }: { searchParams: Promise<{ id?: string | string[] }> }) {
  await connection();
  const actor = await requireUser('viewer');
  const { id } = await searchParams;
  const [items, open] = await Promise.all([
    listSnapshots({ actor }),
    typeof id === 'string' && UUID.test(id) ? getSnapshot({ actor }, id).catch(() => null) : null,
  ]);
  return (
    <>
      <PageHeader title="Snapshots">
        Dashboards frozen for a memo: their numbers stay as they were when frozen, whatever is edited since.
        {hasRole(actor.role, 'analyst') ? ' Freeze one from the dashboard’s Views… dialog.' : ''}
      </PageHeader>
      {open && <OpenSnapshot snapshot={open} canDelete={hasRole(actor.role, 'admin')} />}
      {typeof id === 'string' && !open && <p className="card form-error">No such snapshot: it may have been deleted.</p>}
      {items.length === 0 ? (
        <p className="card empty">No snapshots yet. An analyst freezes one from the dashboard’s Views… dialog.</p>
      ) : (
        <Table columns={['Snapshot', 'Frozen', 'By', 'Data as of', 'Filters']} label="Snapshots">
          {items.map((s) => (
            <tr key={s.id} aria-current={s.id === open?.id ? 'true' : undefined}>
              <td>
                <Link href={`/snapshots?id=${s.id}`}>{s.name}</Link>
              </td>
              <td>{formatDateTime(s.createdAt)}</td>
              <td>{s.createdBy}</td>
              <td>{formatDateTime(s.asOf)}</td>
              <td className="muted">
                {filtersSubtitle(s.filters, { measure: METRIC_NAMES[s.filters.metric], period: String(s.filters.year) })}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

function OpenSnapshot({ snapshot, canDelete }: { snapshot: Snapshot; canDelete: boolean }) {
  return (
    <section className="card" aria-labelledby="snapshot-title">
      <h2 id="snapshot-title">{snapshot.name}</h2>
      <p role="note">
        Snapshot “{snapshot.name}”, frozen {formatDateTime(snapshot.createdAt)} by {snapshot.createdBy}; data as of{' '}
        {formatDateTime(snapshot.asOf)}.
      </p>
      <p className="muted">
        {filtersSubtitle(snapshot.filters, {
          measure: METRIC_NAMES[snapshot.filters.metric],
          period: String(snapshot.filters.year),
        })}{' '}
        · <Link href={`/?${snapshot.search}`}>Open these filters live</Link>
      </p>
      <SnapshotCompare id={snapshot.id} />
      {canDelete && <DeleteSnapshotButton id={snapshot.id} name={snapshot.name} />}
    </section>
  );
}
