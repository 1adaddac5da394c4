import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CompanyImport } from '@/components/import/company-import';
import { CompaniesCsvFormat } from '@/components/import/companies-csv-format';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { hasRole } from '@/lib/domain/roles';

export const metadata: Metadata = { title: 'Import / export' };

export default async function ImportPage() {
  await connection();
  const actor = await requireUser('viewer');
  const canImport = hasRole(actor.role, 'analyst');
  return (
    <>
      <PageHeader title="Import / export">
        {canImport
          ? 'Bring companies in from a spreadsheet, or take them out to one. An import is all or nothing, and importing the same file twice changes nothing.'
          : 'Take the companies out to a spreadsheet. Importing needs the analyst role.'}
      </PageHeader>
      {canImport && (
        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading" style={{ marginTop: 0 }}>
            Import companies.csv
          </h2>
          <CompanyImport />
        </section>
      )}
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading" style={{ marginTop: 0 }}>
          Export companies.csv
        </h2>
        <p>
          <a className="btn btn-primary" href="/api/v1/export/companies.csv" download>
            Download companies.csv
          </a>{' '}
          <span className="muted">every active company (archived ones are left out)</span>
        </p>
        <p className="hint">
          To export part of the universe, filter the Companies table and use its Export CSV button. The file imports back
          unchanged, so you can edit it in a spreadsheet and import it again.
        </p>
      </section>
      <CompaniesCsvFormat />
    </>
  );
}
