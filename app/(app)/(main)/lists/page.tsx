import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CreateListForm } from '@/components/lists/create-list-form';
import { ListRow } from '@/components/lists/list-row';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { requireUser } from '@/lib/auth/session';
import { listLists } from '@/lib/dal/lists';
import { hasRole } from '@/lib/domain/roles';

export const metadata: Metadata = { title: 'Lists' };

export default async function ListsPage() {
  await connection();
  const actor = await requireUser('viewer');
  const lists = await listLists({ actor });
  const canEdit = hasRole(actor.role, 'analyst');
  return (
    <>
      <PageHeader title="Lists">
        Named sets of companies, such as Portfolio and Watchlist. Deleting a list keeps its companies.
      </PageHeader>
      {canEdit && (
        <div className="card">
          <CreateListForm />
        </div>
      )}
      <Table columns={canEdit ? ['List', 'Active companies', 'Actions'] : ['List', 'Active companies']} label="Lists">
        {lists.map((l) => (
          <ListRow key={l.id} list={l} canEdit={canEdit} />
        ))}
      </Table>
    </>
  );
}
