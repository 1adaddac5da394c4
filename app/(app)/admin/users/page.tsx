import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserRow } from '@/components/admin/user-row';
import { requireUser } from '@/lib/auth/session';
import { listUsers } from '@/lib/dal/users';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await connection();
  const actor = await requireUser('admin');
  const users = await listUsers(actor);
  return (
    <>
      <header className="page-header">
        <h1>Users</h1>
        <p className="muted">
          Admins manage users; analysts write data; viewers read and export. Disabling a user, changing their role or
          resetting their password signs them out at once. The last enabled admin cannot be disabled or demoted.
        </p>
      </header>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === actor.userId} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>Add a user</h2>
      <div className="card">
        <CreateUserForm />
      </div>
    </>
  );
}
