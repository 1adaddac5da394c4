import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { CompaniesTable } from '@/components/companies/companies-table';
import { CompanyFilters } from '@/components/companies/company-filters';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { companyFilterFromSearch, companyFilterToSearch } from '@/lib/companies/filter';
import { listCompanies } from '@/lib/dal/companies';
import { listLists } from '@/lib/dal/lists';
import { hasRole } from '@/lib/domain/roles';
import { COUNTRY_OPTIONS } from '@/lib/server/company-form-options';

export const metadata: Metadata = { title: 'Companies' };

export default async function CompaniesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const actor = await requireUser('viewer');
  const filter = companyFilterFromSearch(await searchParams);
  const [{ items, total }, lists] = await Promise.all([listCompanies({ actor }, filter), listLists({ actor })]);
  const canEdit = hasRole(actor.role, 'analyst');
  const from = total === 0 ? 0 : filter.offset + 1;
  const to = Math.min(filter.offset + filter.limit, total);
  const exportQuery = companyFilterToSearch({ ...filter, limit: undefined, offset: undefined });
  return (
    <>
      <div className="actions" style={{ justifyContent: 'space-between' }}>
        <PageHeader title="Companies">
          The research universe: each company carries a share per layer it earns from; the rest is outside the AI stack.
        </PageHeader>
        <span className="actions">
          <a className="btn" href={`/api/v1/export/companies.csv${exportQuery ? `?${exportQuery}` : ''}`}>
            Export CSV
          </a>
          {canEdit && (
            <Link className="btn btn-primary" href="/companies/new">
              New company
            </Link>
          )}
        </span>
      </div>
      <CompanyFilters filter={filter} lists={lists.map((l) => l.name)} countries={COUNTRY_OPTIONS} />
      <CompaniesTable
        key={JSON.stringify(filter)}
        items={items}
        filter={filter}
        lists={lists.map((l) => l.name)}
        canEdit={canEdit}
        empty={
          <>
            {total === 0 && !filter.q && !filter.layer && !filter.list && !filter.country && !filter.status ? (
              <>
                No companies yet.{' '}
                {canEdit ? (
                  <>
                    <Link href="/companies/new">Add one</Link> or <Link href="/import">import a companies.csv</Link>.
                  </>
                ) : (
                  'An analyst adds them.'
                )}
              </>
            ) : (
              'No company matches these filters.'
            )}
          </>
        }
      />
      <nav className="pager" aria-label="Pages">
        <span className="muted">
          {from}–{to} of {total}
        </span>
        {filter.offset > 0 && (
          <Link
            className="btn btn-small"
            href={`?${companyFilterToSearch({ ...filter, offset: Math.max(0, filter.offset - filter.limit) })}`}
          >
            ← Previous
          </Link>
        )}
        {to < total && (
          <Link className="btn btn-small" href={`?${companyFilterToSearch({ ...filter, offset: filter.offset + filter.limit })}`}>
            Next →
          </Link>
        )}
      </nav>
    </>
  );
}
