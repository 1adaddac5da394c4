import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { CompanyForm } from '@/components/companies/company-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { getCompany } from '@/lib/dal/companies';
import { listLists } from '@/lib/dal/lists';
import { NotFoundError } from '@/lib/errors';
import { COUNTRY_OPTIONS } from '@/lib/server/company-form-options';

export const metadata: Metadata = { title: 'Edit company' };

export default async function EditCompanyPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireUser('analyst');
  const { id } = await params;
  const [company, lists] = await Promise.all([
    getCompany({ actor }, id).catch((error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }),
    listLists({ actor }),
  ]);
  return (
    <>
      <PageHeader title={`Edit ${company.name}`}>Saving checks that nobody changed it since you opened this page.</PageHeader>
      <CompanyForm company={company} lists={lists.map((l) => l.name)} countries={COUNTRY_OPTIONS} />
    </>
  );
}
