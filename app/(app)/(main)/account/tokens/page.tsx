import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CreateTokenForm } from '@/components/account/create-token-form';
import { RevokeTokenForm } from '@/components/account/revoke-token-form';
import { Table } from '@/components/ui/table';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { listOwnApiTokens } from '@/lib/dal/api-tokens';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  await connection();
  const actor = await requireUser('viewer');
  const tokens = await listOwnApiTokens({ actor });
  return (
    <>
      <PageHeader title="API tokens">
        A token acts with your current role ({actor.role}) on every <code className="mono">/api/v1</code> route and stops working
        when revoked or when your account is disabled. Stacklens keeps only a hash: copy a new token when it is shown.
      </PageHeader>
      <section className="card">
        <CreateTokenForm />
      </section>
      {tokens.length === 0 ? (
        <p className="card empty">You have no tokens yet.</p>
      ) : (
        <Table columns={['Name', 'Token', 'Created', 'Last used', 'Status']}>
          {tokens.map((t) => (
            <tr key={t.id} data-testid={`token-${t.name}`}>
              <td>{t.name}</td>
              <td className="mono">{t.prefix}…</td>
              <td>{formatDateTime(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
              <td>
                {t.revokedAt ? (
                  <span className="badge badge-off">revoked {formatDateTime(t.revokedAt)}</span>
                ) : (
                  <RevokeTokenForm tokenId={t.id} name={t.name} />
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
