'use client';

import Form from 'next/form';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { Table } from '@/components/ui/table';
import { deleteFlowAction } from '@/lib/actions/flows';
import { figureAmount } from '@/lib/domain/figures/history-text';
import { layerOf } from '@/lib/domain/layers';
import {
  FLOW_YEAR_PARAM,
  type CounterpartiesView,
  type CounterpartyLineView,
  type CounterpartySideView,
  type FlowView,
} from '@/lib/flows/schema';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { FlowEditor } from './flow-editor';
import { editDraft, newDraft, type FlowDraft, type FlowSide } from './flow-draft';
import styles from './flows.module.css';

/**
 * A company's customers and suppliers for a year (docs/data-contract.md §9): each flow priced in USD, with a
 * customer's share of the company's calendar revenue. Analysts and admins add, edit and delete flows inline.
 */
export function CounterpartiesSection({
  view,
  canEdit,
  yearOptions,
}: {
  view: CounterpartiesView;
  canEdit: boolean;
  /** The years the picker offers, latest first. */
  yearOptions: number[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [editing, setEditing] = useState<{ key: string; draft: FlowDraft } | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [, startTransition] = useTransition();
  const refresh = () => startTransition(() => router.refresh());
  const { company, year, revenue } = view;

  function done(saved: FlowView | null, message?: string) {
    setEditing(null);
    if (message) setStatus({ tone: saved ? 'ok' : 'error', text: message });
    refresh();
  }

  async function remove(flow: FlowView) {
    const result = await deleteFlowAction({ id: flow.id, version: flow.version });
    setStatus(
      result.ok
        ? {
            tone: 'ok',
            text: `Deleted ${flow.payerName} → ${flow.payeeName}, ${flow.year} ${flow.kind}. Its history can restore it.`,
          }
        : { tone: 'error', text: result.message ?? 'Not deleted.' },
    );
    refresh();
  }

  const sideProps = { view, canEdit, editing, setEditing, done, remove };
  return (
    <section id="customers-and-suppliers" aria-labelledby="counterparties-title" className="card" style={{ marginTop: '1.5rem' }}>
      <div className={styles.header}>
        <div>
          <h2 id="counterparties-title" style={{ margin: 0 }}>
            Customers and suppliers
          </h2>
          <p className="muted" style={{ margin: '0.25rem 0 0' }}>
            Who pays {company.name} and whom it pays, calendar year {year}, in USD at the year&apos;s rate.{' '}
            {revenue.value === null
              ? `No ${year} revenue (${revenue.reason ?? 'none'}), so no shares of revenue.`
              : `Calendar ${year} revenue: ${formatUsdMillions(revenue.value)}${revenue.estimated ? ' (includes estimates)' : ''}.`}
          </p>
        </div>
        {/* A GET form (next/form navigates on the client once hydrated): works before the page's script has run. */}
        <Form action={pathname} scroll={false} className="actions" aria-label="Year of the flows" key={year}>
          <div className="field" style={{ margin: 0 }}>
            <label htmlFor="flow-year">Year</label>
            <select id="flow-year" name={FLOW_YEAR_PARAM} defaultValue={year}>
              {yearOptions.map((y) => (
                <option key={y} value={y}>
                  {y}
                  {view.years.includes(y) ? ' · has flows' : ''}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-small" style={{ alignSelf: 'flex-end' }}>
            Show
          </button>
        </Form>
      </div>
      {!canEdit && <p className="muted">Viewers read flows here; analysts and admins add and edit them.</p>}
      {status && (
        <p className={`message ${status.tone === 'ok' ? 'message-ok' : 'message-error'}`} role="status">
          {status.text}
        </p>
      )}
      <CounterpartyTable side="customer" data={view.customers} {...sideProps} />
      <CounterpartyTable side="supplier" data={view.suppliers} {...sideProps} />
      <p className="muted" style={{ marginBottom: 0 }}>
        For each payer, payer layer, payee and payee layer the reported flow counts, else the estimate; a flow in a currency with
        no rate for the year has no USD value. Flows are also on the <Link href="/import">Import / export</Link> page (flows.csv).
      </p>
    </section>
  );
}

function CounterpartyTable({
  side,
  data,
  view,
  canEdit,
  editing,
  setEditing,
  done,
  remove,
}: {
  side: FlowSide;
  data: CounterpartySideView;
  view: CounterpartiesView;
  canEdit: boolean;
  editing: { key: string; draft: FlowDraft } | null;
  setEditing: (e: { key: string; draft: FlowDraft } | null) => void;
  done: (saved: FlowView | null, message?: string) => void;
  remove: (flow: FlowView) => Promise<void>;
}) {
  const customer = side === 'customer';
  const { company, year } = view;
  const title = customer ? 'Customers' : 'Suppliers';
  const columns = [
    customer ? 'Customer (payer)' : 'Supplier (payee)',
    'Layers (payer → payee)',
    'Kind',
    'Value',
    'USD',
    ...(customer ? ['Share of revenue'] : []),
    'Source and note',
    ...(canEdit ? ['Actions'] : []),
  ];
  const newKey = `new-${side}`;
  const editor = (key: string) =>
    editing?.key === key ? (
      <tr>
        <td colSpan={columns.length}>
          <FlowEditor company={company} initial={editing.draft} onDone={done} />
        </td>
      </tr>
    ) : null;
  return (
    <>
      <div className={styles.sideTitle}>
        <h3>
          {title} <span className="muted">· {data.lines.length}</span>
        </h3>
        <span className="muted">
          {data.lines.length > 0 &&
            `Counted: ${formatUsdMillions(data.total)}${
              customer && data.shareOfRevenue !== null
                ? ` · ${formatPercent(data.shareOfRevenue)} of ${company.name}'s ${year} revenue`
                : ''
            }`}
        </span>
        {canEdit && (
          <button
            type="button"
            className="btn btn-small"
            disabled={editing?.key === newKey}
            onClick={() => setEditing({ key: newKey, draft: newDraft(side, company, year) })}
          >
            Add {customer ? 'a customer' : 'a supplier'}
          </button>
        )}
      </div>
      {data.lines.length === 0 && editing?.key !== newKey ? (
        <p className="empty" style={{ margin: 0 }}>
          No {customer ? 'customer' : 'supplier'} flows of {company.name} for {year}.
          {canEdit ? ` Add one with “Add ${customer ? 'a customer' : 'a supplier'}”, or import flows.csv.` : ''}
        </p>
      ) : (
        <Table columns={columns} label={`${title} of ${company.name}, ${year}`}>
          {data.lines.map((line) =>
            editing?.key === line.flow.id ? (
              editor(line.flow.id)
            ) : (
              <LineRow
                key={line.flow.id}
                line={line}
                side={side}
                view={view}
                canEdit={canEdit}
                onEdit={() => setEditing({ key: line.flow.id, draft: editDraft(side, line.flow) })}
                onDelete={() => remove(line.flow)}
              />
            ),
          )}
          {editor(newKey)}
        </Table>
      )}
    </>
  );
}

function LineRow({
  line,
  side,
  view,
  canEdit,
  onEdit,
  onDelete,
}: {
  line: CounterpartyLineView;
  side: FlowSide;
  view: CounterpartiesView;
  canEdit: boolean;
  onEdit: () => void;
  onDelete: () => Promise<void>;
}) {
  const [deleting, setDeleting] = useState(false);
  const { flow } = line;
  const customer = side === 'customer';
  const counterpart = customer ? { id: flow.payerId, name: flow.payerName } : { id: flow.payeeId, name: flow.payeeName };
  return (
    <tr className={line.counted ? undefined : styles.notCounted}>
      <td>
        <Link href={`/companies/${counterpart.id}`}>
          <strong>{counterpart.name}</strong>
        </Link>
        {!line.counted && <span className={styles.small}>not counted: the reported flow of this link is used</span>}
      </td>
      <td className={styles.nowrap}>
        {layerOf(flow.payerLayer).name} → {layerOf(flow.payeeLayer).name}
      </td>
      <td>{flow.kind}</td>
      <td className={styles.numeric}>{figureAmount(flow)}</td>
      <td className={styles.numeric}>
        {line.usd === null ? <span className="field-error">missing: {line.missing}</span> : formatUsdMillions(line.usd)}
      </td>
      {customer && (
        <td>
          {line.shareOfRevenue === null
            ? '—'
            : `${formatPercent(line.shareOfRevenue)} of ${view.company.name}'s ${view.year} revenue`}
        </td>
      )}
      <td className={styles.sourceCell}>
        <SourceText source={flow.source} />
        {flow.note && <span className={styles.small}>{flow.note}</span>}
      </td>
      {canEdit && (
        <td>
          <form
            className="actions"
            aria-label={`Actions for ${counterpart.name}`}
            onSubmit={async (e) => {
              e.preventDefault();
              setDeleting(true);
              await onDelete();
              setDeleting(false);
            }}
          >
            <button type="button" className="btn btn-small" onClick={onEdit}>
              Edit
            </button>
            <ConfirmButton label="Delete" confirmLabel={`Delete ${counterpart.name}'s flow`} pending={deleting} />
          </form>
        </td>
      )}
    </tr>
  );
}

/** A source as stored: its parts split at `;`, a web address shown as a link named by its host. */
function SourceText({ source }: { source: string | null }) {
  if (!source) return <span className="muted">No source</span>;
  const parts = source.split(/\s*;\s*/).filter(Boolean);
  return (
    <span>
      {parts.map((part, i) => {
        const url = URL.canParse(part) && /^https?:/.test(part) ? new URL(part) : null;
        return (
          <span key={i}>
            {i > 0 && '; '}
            {url ? (
              <a href={url.href} rel="noopener noreferrer" target="_blank" title={url.href}>
                {url.hostname.replace(/^www\./, '')}
              </a>
            ) : (
              part
            )}
          </span>
        );
      })}
    </span>
  );
}
