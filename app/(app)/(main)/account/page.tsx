import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { currentUserProfile } from '@/lib/dal/sessions';
import { ROLE_LABELS } from '@/lib/domain/roles';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  await connection();
  const actor = await requireUser('viewer');
  const profile = await currentUserProfile({ actor });
  return (
    <>
      <PageHeader title="Your account">
        {profile?.name} · {profile?.email} · {ROLE_LABELS[actor.role]}
      </PageHeader>
      <div className="grid-2">
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Change password</h2>
          <ChangePasswordForm />
        </section>
        <section className="card">
          <h2 style={{ marginTop: 0 }}>API tokens</h2>
          <p>
            Personal tokens let scripts and notebooks call the Stacklens API with your role:{' '}
            <code className="mono">Authorization: Bearer slk_…</code>
          </p>
          <Link className="btn" href="/account/tokens">
            Manage API tokens
          </Link>
        </section>
      </div>
    </>
  );
}
