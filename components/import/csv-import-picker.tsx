'use client';

import { useState } from 'react';
import { CSV_IMPORT_KINDS, type CsvImportKind } from './csv-kinds';
import { CsvImport } from './csv-import';
import { CsvFormat } from './csv-format';

/** Which file to import (companies first, then the files that refer to them), and that file's format and template. */
export function CsvImportPicker() {
  const [kind, setKind] = useState<CsvImportKind>('companies');
  return (
    <>
      <fieldset className="actions" style={{ border: 0, padding: 0, margin: '0 0 1rem' }}>
        <legend className="sr-only">File to import</legend>
        {(Object.keys(CSV_IMPORT_KINDS) as CsvImportKind[]).map((k) => (
          <label key={k} className="chip" style={{ cursor: 'pointer', fontSize: '0.95rem', padding: '0.2rem 0.6rem' }}>
            <input type="radio" name="csv-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {CSV_IMPORT_KINDS[k].file}
          </label>
        ))}
      </fieldset>
      <CsvImport key={kind} kind={kind} />
      <div style={{ marginTop: '1rem' }}>
        <CsvFormat kind={kind} />
      </div>
    </>
  );
}
