import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserRow } from '@/components/admin/user-row';
import { Table } from '@/components/ui/table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { listUsers } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await connection();
  const actor = await requireUser('admin');
  const users = await listUsers({ actor });
  return (
    <>
      <PageHeader title="Users">
        Admins manage users; analysts write data; viewers read and export. Disabling a user, changing their role or resetting
        their password signs them out at once. The last enabled admin cannot be disabled or demoted.
      </PageHeader>
      <Table columns={['User', 'Role', 'Status', 'Actions']}>
        {users.map((u) => (
          <UserRow key={u.id} user={u} isSelf={u.id === actor.userId} />
        ))}
      </Table>
      <h2>Add a user</h2>
      <div className="card">
        <CreateUserForm />
      </div>
    </>
  );
}
