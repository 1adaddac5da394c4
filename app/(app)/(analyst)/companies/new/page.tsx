import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CompanyForm } from '@/components/companies/company-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { listLists } from '@/lib/dal/lists';
import { COUNTRY_OPTIONS } from '@/lib/server/company-form-options';

export const metadata: Metadata = { title: 'New company' };

export default async function NewCompanyPage() {
  await connection();
  const actor = await requireUser('analyst');
  const lists = await listLists({ actor });
  return (
    <>
      <PageHeader title="New company">
        Tag it to the layers it earns from; what is not in a layer is outside the AI stack.
      </PageHeader>
      <CompanyForm company={null} lists={lists.map((l) => l.name)} countries={COUNTRY_OPTIONS} />
    </>
  );
}
