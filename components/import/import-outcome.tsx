import { Table } from '../ui/table';
import type { ImportSummary } from '@/lib/imports/schema';
import type { ImportOutcome } from './post-csv';

const count = (n: number) => n.toLocaleString('en-US');

/** Long tables scroll inside the card, so the buttons below stay in reach. */
const scrolling = { maxHeight: '26rem', overflowY: 'auto' } as const;
/** A column as narrow as its content, leaving the width to the message. */
const narrow = { width: '1%', whiteSpace: 'nowrap' } as const;

function Warnings({ warnings }: { warnings: ImportSummary['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <>
      <h3>
        {count(warnings.length)} {warnings.length === 1 ? 'warning' : 'warnings'}
      </h3>
      <div style={scrolling}>
        <Table columns={['Line', 'Warning']} label="Warnings">
          {warnings.map((w, i) => (
            <tr key={i}>
              <td className="num" style={narrow}>
                {w.line}
              </td>
              <td>{w.message}</td>
            </tr>
          ))}
        </Table>
      </div>
    </>
  );
}

function Counts({ summary, noun }: { summary: ImportSummary; noun: { one: string; many: string } }) {
  const rows: [string, number][] = summary.dryRun
    ? [
        ['To create', summary.created],
        ['To update', summary.updated],
        ['Unchanged', summary.unchanged],
      ]
    : [
        ['Created', summary.created],
        ['Updated', summary.updated],
        ['Unchanged', summary.unchanged],
      ];
  return (
    <dl className="dl" aria-label={summary.dryRun ? 'What the import would do' : 'What the import did'}>
      {rows.map(([label, n]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>
            <strong>{count(n)}</strong> {n === 1 ? noun.one : noun.many}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What a dry run found, what an import did, or why the file was refused. */
export function ImportOutcomeView({
  outcome,
  fileName,
  noun,
}: {
  outcome: ImportOutcome;
  fileName: string;
  noun: { one: string; many: string };
}) {
  if (outcome.kind === 'failed') return <p className="message message-error">{outcome.message}</p>;
  if (outcome.kind === 'rejected')
    return (
      <>
        <p className="message message-error">{outcome.message}</p>
        <div style={scrolling}>
          <Table columns={['Line', 'Column', 'Problem']} label="Problems in the file">
            {outcome.issues.map((issue, i) => (
              <tr key={i}>
                <td className="num" style={narrow}>
                  {issue.line}
                </td>
                <td className="mono" style={narrow}>
                  {issue.column ?? '—'}
                </td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </Table>
        </div>
      </>
    );
  const { summary } = outcome;
  const changes = summary.created + summary.updated;
  return (
    <>
      {summary.dryRun ? (
        <p className="message message-ok">
          {changes === 0
            ? `Nothing to import: ${fileName} matches what Stacklens holds.`
            : `Ready to import ${fileName}. Nothing has been written yet.`}
        </p>
      ) : (
        <p className="message message-ok">Imported {fileName}.</p>
      )}
      <Counts noun={noun} summary={summary} />
      <Warnings warnings={summary.warnings} />
    </>
  );
}
