import type { Metadata } from 'next';
import { connection } from 'next/server';
import { FirmLogoForm } from '@/components/admin/firm-logo-form';
import { FirmNameForm } from '@/components/admin/firm-name-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { getFirm } from '@/lib/dal/firm';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Firm' };

export default async function FirmPage() {
  await connection();
  const actor = await requireUser('admin');
  const firm = await getFirm({ actor });
  return (
    <>
      <PageHeader title="Firm">
        The firm&apos;s name and logo go on the memo pack&apos;s title slide and in the footer of every export. Only admins change
        them; each change is in the audit log.
      </PageHeader>
      <h2>Name</h2>
      <div className="card">
        <FirmNameForm name={firm.name} />
      </div>
      <h2>Logo</h2>
      <div className="card">
        <FirmLogoForm logo={firm.logo} />
      </div>
      {firm.updatedAt && (
        <p className="muted">
          Last changed {formatDateTime(firm.updatedAt)} by {firm.updatedBy}.
        </p>
      )}
    </>
  );
}
