import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CsvImportPicker } from '@/components/import/csv-import-picker';
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
          ? 'Bring companies, FX rates, figures and flows (who pays whom) in from a spreadsheet, or take them out to one. An import is all or nothing, and importing the same file twice changes nothing.'
          : 'Take the companies, FX rates, figures and flows out to a spreadsheet. Importing needs the analyst role.'}
      </PageHeader>
      {canImport && (
        <section className="card" aria-labelledby="import-heading">
          <h2 id="import-heading" style={{ marginTop: 0 }}>
            Import
          </h2>
          <CsvImportPicker />
        </section>
      )}
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading" style={{ marginTop: 0 }}>
          Export
        </h2>
        <p className="actions">
          <a className="btn btn-primary" href="/api/v1/export/companies.csv" download>
            Download companies.csv
          </a>
          <a className="btn" href="/api/v1/export/fx.csv" download>
            Download fx.csv
          </a>
          <a className="btn" href="/api/v1/export/figures.csv" download>
            Download figures.csv
          </a>
          <a className="btn" href="/api/v1/export/flows.csv" download>
            Download flows.csv
          </a>
          <span className="muted">archived companies, their figures and their flows are left out</span>
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
