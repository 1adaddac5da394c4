import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/session';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { listSnapshots } from '@/lib/dal/snapshots';
import { METRIC_NAMES } from '@/lib/domain/figures/types';
import { hasRole } from '@/lib/domain/roles';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Snapshots' };

/** Snapshots for memos (docs/data-contract.md §7): each opens as a read-only dashboard at /snapshots/{id}. */
export default async function SnapshotsPage() {
  await connection();
  const actor = await requireUser('viewer');
  const items = await listSnapshots({ actor });
  return (
    <>
      <PageHeader title="Snapshots">
        Dashboards frozen for a memo: their numbers stay as they were when frozen, whatever is edited since.
        {hasRole(actor.role, 'analyst') ? ' Freeze one from the dashboard’s Views… dialog.' : ''}
      </PageHeader>
      {items.length === 0 ? (
        <p className="card empty">No snapshots yet. An analyst freezes one from the dashboard’s Views… dialog.</p>
      ) : (
        <Table columns={['Snapshot', 'Frozen', 'By', 'Data as of', 'Filters']} label="Snapshots">
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <Link href={`/snapshots/${s.id}`}>{s.name}</Link>
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
