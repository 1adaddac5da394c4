import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CsvImportPicker } from '@/components/import/csv-import-picker';
import { CsvFormat } from '@/components/import/csv-format';
import { CSV_IMPORT_KINDS } from '@/components/import/csv-kinds';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/session';
import { hasRole } from '@/lib/domain/roles';
import { ReadOnlyNote } from '@/components/ui/read-only-note';

export const metadata: Metadata = { title: 'Import / export' };

export default async function ImportPage() {
  await connection();
  const actor = await requireUser('viewer');
  const canImport = hasRole(actor.role, 'analyst');
  return (
    <>
      <PageHeader title="Import / export">
        {canImport
          ? 'Bring companies, FX rates, figures, exposure profiles and flows (who pays whom) in from a spreadsheet, or take them out to one. An import is all or nothing, and importing the same file twice changes nothing.'
          : 'Take the companies, FX rates, figures, exposure profiles and flows out to a spreadsheet. Importing needs the analyst role.'}
      </PageHeader>
      {!canImport && <ReadOnlyNote>You can export every file here; importing needs the analyst role.</ReadOnlyNote>}
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
          {Object.values(CSV_IMPORT_KINDS).map(({ file }, i) => (
            <a key={file} className={i === 0 ? 'btn btn-primary' : 'btn'} href={`/api/v1/export/${file}`} download>
              Download {file}
            </a>
          ))}
          <span className="muted">archived companies, their figures and their flows are left out</span>
        </p>
        <p className="hint">
          To export part of the universe, filter the Companies table and use its Export CSV button. The file imports back
          unchanged, so you can edit it in a spreadsheet and import it again.
        </p>
      </section>
      {!canImport && <CsvFormat kind="companies" />}
    </>
  );
}
