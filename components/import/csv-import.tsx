'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { countCsvRecords, decodeCsvFile, MAX_CSV_BYTES, MAX_CSV_SIZE_LABEL } from '@/lib/csv/file';
import { ImportOutcomeView } from './import-outcome';
import { CSV_IMPORT_KINDS, type CsvImportKind } from './csv-kinds';
import { postCsv, type ImportOutcome } from './post-csv';

interface Source {
  name: string;
  text: string;
  rows: number;
}

type Stage = { kind: 'choose'; error?: string } | { kind: 'result'; source: Source; dryRun: boolean; outcome: ImportOutcome };

const count = (n: number) => n.toLocaleString('en-US');
const rowsLabel = (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
const tooLarge = (name: string, bytes: number) =>
  `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; one import takes at most ${MAX_CSV_SIZE_LABEL}. Split it into smaller files.`;

/**
 * Import of one CSV kind in two steps: choosing, dropping or pasting a file runs a dry run and shows what would
 * change (or every bad row); only the confirm button writes. Plain fetch with the session cookie.
 */
export function CsvImport({ kind }: { kind: CsvImportKind }) {
  const { file: fileName, one, many, header } = CSV_IMPORT_KINDS[kind];
  const router = useRouter();
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);

  // Move focus to the result, so a keyboard or screen-reader user lands on it and tabs on to its buttons.
  useEffect(() => {
    if (stage.kind === 'result') outcomeHeading.current?.focus();
  }, [stage]);

  async function send(source: Source, dryRun: boolean) {
    setBusy(`${dryRun ? 'Checking' : 'Importing'} ${rowsLabel(source.rows)} of ${source.name}…`);
    const outcome = await postCsv(kind, source.text, dryRun);
    setBusy(null);
    setStage({ kind: 'result', source, dryRun, outcome });
    if (!dryRun && outcome.kind === 'summary') router.refresh();
  }

  async function check(name: string, bytes: Uint8Array) {
    if (bytes.byteLength > MAX_CSV_BYTES) return setStage({ kind: 'choose', error: tooLarge(name, bytes.byteLength) });
    const decoded = decodeCsvFile(bytes);
    if (!decoded.ok) return setStage({ kind: 'choose', error: `${name}, line ${decoded.issue.line}: ${decoded.issue.message}.` });
    await send({ name, text: decoded.text, rows: countCsvRecords(decoded.text) }, true);
  }

  async function checkFile(file: File) {
    // Refused before reading, so a huge file never loads into the page.
    if (file.size > MAX_CSV_BYTES) return setStage({ kind: 'choose', error: tooLarge(file.name, file.size) });
    setBusy(`Reading ${file.name}…`);
    const bytes = await file.arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      () => null,
    );
    setBusy(null);
    if (!bytes) return setStage({ kind: 'choose', error: `${file.name} could not be read. Choose it again.` });
    await check(file.name, bytes);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const files = [...event.dataTransfer.files];
    if (files.length !== 1) return setStage({ kind: 'choose', error: 'Drop one file at a time.' });
    void checkFile(files[0]!);
  }

  function chooseAnother() {
    setStage({ kind: 'choose' });
    // The chooser mounts again on the next render; focus it then.
    requestAnimationFrame(() => fileInput.current?.focus());
  }

  // Always rendered, so screen readers announce the text when it appears.
  const status = (
    <div role="status" aria-live="polite" className="actions" style={{ marginTop: busy ? '0.75rem' : 0 }}>
      {busy && (
        <>
          <progress aria-label="Working" />
          <span>{busy}</span>
        </>
      )}
    </div>
  );

  if (stage.kind === 'result') {
    const { source, dryRun, outcome } = stage;
    const changes = outcome.kind === 'summary' ? outcome.summary.created + outcome.summary.updated : 0;
    return (
      <div>
        <h3 ref={outcomeHeading} tabIndex={-1}>
          {dryRun ? 'Check' : 'Import'} of {source.name} ({rowsLabel(source.rows)})
        </h3>
        <ImportOutcomeView outcome={outcome} fileName={source.name} noun={{ one, many }} />
        <div className="actions" style={{ marginTop: '1rem' }}>
          {dryRun && outcome.kind === 'summary' && changes > 0 && (
            <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => send(source, false)}>
              Import {count(changes)} {changes === 1 ? one : many}
            </button>
          )}
          {outcome.kind === 'failed' &&
            (outcome.signedOut ? (
              <a className="btn btn-primary" href="/login?callbackUrl=%2Fimport">
                Sign in again
              </a>
            ) : (
              <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => send(source, dryRun)}>
                Try again
              </button>
            ))}
          {!dryRun && outcome.kind === 'summary' && kind !== 'fx' && (
            <Link className="btn" href="/companies">
              Open the companies
            </Link>
          )}
          <button type="button" className="btn" disabled={busy !== null} onClick={chooseAnother}>
            {!dryRun && outcome.kind === 'summary' ? 'Import another file' : 'Choose another file'}
          </button>
        </div>
        {status}
      </div>
    );
  }

  return (
    <div>
      <fieldset disabled={busy !== null} style={{ border: 0, padding: 0, margin: 0 }}>
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
          }}
          onDrop={onDrop}
          style={{
            border: `2px dashed ${dragging ? 'var(--accent)' : 'var(--border)'}`,
            background: dragging ? 'var(--accent-soft)' : undefined,
            borderRadius: 'var(--radius)',
            padding: '1.25rem',
          }}
        >
          <div className="field">
            <label htmlFor={`${kind}-csv-file`}>Choose a {fileName} file, or drop it here</label>
            <input
              ref={fileInput}
              id={`${kind}-csv-file`}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={`${kind}-csv-file-hint`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void checkFile(file);
              }}
            />
            <span id={`${kind}-csv-file-hint`} className="hint">
              UTF-8, at most {MAX_CSV_SIZE_LABEL}. The file is checked first; nothing is written until you confirm.
            </span>
          </div>
        </div>
        <div className="field" style={{ marginTop: '1rem' }}>
          <label htmlFor={`${kind}-csv-text`}>Or paste CSV text, header row first</label>
          <textarea
            id={`${kind}-csv-text`}
            rows={5}
            className="mono"
            spellCheck={false}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={header}
          />
        </div>
        <div className="actions" style={{ marginTop: '0.5rem' }}>
          <button
            type="button"
            className="btn"
            disabled={pasted.trim() === ''}
            onClick={() => check('the pasted text', new TextEncoder().encode(pasted))}
          >
            Check pasted text
          </button>
        </div>
      </fieldset>
      {stage.error && (
        <p className="message message-error" role="alert" style={{ marginTop: '0.75rem' }}>
          {stage.error}
        </p>
      )}
      {status}
    </div>
  );
}
