import { dehydrate, QueryClient } from '@tanstack/react-query';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DashboardBody } from '@/components/dashboard/dashboard-body';
import { DashboardProvider } from '@/components/dashboard/dashboard-context';
import { ExportMarkProvider } from '@/components/export/export-mark';
import { DeleteSnapshotButton } from '@/components/snapshots/delete-snapshot-button';
import { FrozenAnswers } from '@/components/snapshots/frozen-answers';
import { SnapshotCompare } from '@/components/snapshots/snapshot-compare';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { getSnapshot } from '@/lib/dal/snapshots';
import { hasRole } from '@/lib/domain/roles';
import { NotFoundError } from '@/lib/errors';
import { isoDate } from '@/lib/export/memo-text';
import { formatDateTime } from '@/lib/format';
import { dashboardQueryOptions } from '@/lib/queries/dashboard-options';
import type { Snapshot, SnapshotAnswers } from '@/lib/snapshots/schema';

export const metadata: Metadata = { title: 'Snapshot' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One snapshot (docs/data-contract.md §7), opened as the dashboard is, read-only: its banner, *Compare with now*,
 * and every chart drawn from the answers it froze. Its exports name the snapshot and its data's as-of.
 */
export default async function SnapshotPage({ params }: { params: Promise<{ snapshotId: string }> }) {
  await connection();
  const actor = await requireUser('viewer');
  const { snapshotId: id } = await params;
  if (!UUID.test(id)) notFound();
  const snapshot = await getSnapshot({ actor }, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { filters } = snapshot;
  return (
    <>
      <PageHeader title={snapshot.name}>
        <Link href="/snapshots">Snapshots</Link> · a dashboard frozen for a memo: read-only, its numbers as they were.
      </PageHeader>
      <section className="card" aria-label="About this snapshot">
        <p role="note">
          Snapshot “{snapshot.name}”, frozen {formatDateTime(snapshot.createdAt)} by {snapshot.createdBy}; data as of{' '}
          {formatDateTime(snapshot.asOf)}.
        </p>
        <p className="muted">
          <Link href={`/?${snapshot.search}`}>Open these filters live</Link>
        </p>
        <SnapshotCompare id={snapshot.id} />
        {hasRole(actor.role, 'admin') && <DeleteSnapshotButton id={snapshot.id} name={snapshot.name} />}
      </section>
      <DashboardProvider
        defaultYear={filters.year}
        lists={[filters.list, filters.chipsList].filter((name) => name !== undefined)}
        countries={filters.country ? [filters.country] : []}
        frozen={filters}
      >
        <ExportMarkProvider mark={{ snapshot: `snapshot “${snapshot.name}”, frozen ${isoDate(new Date(snapshot.createdAt))}` }}>
          <FrozenAnswers state={frozenState(snapshot)}>
            <DashboardBody canFreeze={false} ticked={snapshot.charts} gate={(_, part) => part} />
          </FrozenAnswers>
        </ExportMarkProvider>
      </DashboardProvider>
    </>
  );
}

/** The snapshot's answers under the keys the dashboard's charts read for its filters. */
function frozenState({ filters, answers }: Snapshot) {
  const client = new QueryClient();
  for (const name of Object.keys(answers) as (keyof SnapshotAnswers)[])
    client.setQueryData(dashboardQueryOptions(name, filters).queryKey, answers[name]);
  return dehydrate(client);
}
