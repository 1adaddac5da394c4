import Link from 'next/link';
import type { LayerFlowsAnswer } from '@/lib/analytics/query';
import type { LayerSide } from '@/lib/domain/analytics/layer-flows';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import styles from './layer-detail.module.css';

/**
 * A layer's customers (flows into it, by payer layer and by payer) and suppliers (flows out of it, by payee layer
 * and by payee) for the page's year and filters (docs/data-contract.md §9): the flows with a payer or payee in the
 * set, neither archived. Flows are calendar years, so the basis filter does not apply here.
 */
export function LayerFlowsSection({ answer, basis }: { answer: LayerFlowsAnswer; basis: 'calendar' | 'fiscal' }) {
  const { name, year, layer, customers, suppliers } = answer;
  const empty = customers.flows + customers.missingCount + suppliers.flows + suppliers.missingCount === 0;
  return (
    <section className={`card ${styles.tableCard}`} aria-labelledby="layer-flows-title">
      <h2 id="layer-flows-title">
        {name} customers and suppliers, {year}
      </h2>
      <p className="muted">
        Known flows between tracked companies, in USD at the year&apos;s rate; the reported flow of a link counts, else the
        estimate{answer.estimated ? ' (estimates included)' : ''}. Flows are calendar years
        {basis === 'fiscal' ? ': the fiscal basis chosen for the other numbers does not apply here' : ''}.
      </p>
      {empty ? (
        <p className="empty">
          No flow into or out of {name} for {year} in this set. Add flows on a company&apos;s page (Customers and suppliers) or{' '}
          <Link href="/import">import a flows.csv</Link>.
        </p>
      ) : (
        <>
          <p className={styles.flowSummary}>
            Revenue pool {formatUsdMillions(layer.pool)} · paid by tracked companies {formatUsdMillions(layer.inflow)} · end
            customers and untracked payers {formatUsdMillions(layer.external)} · paid to tracked suppliers{' '}
            {formatUsdMillions(layer.outflow)} · retained {formatUsdMillions(layer.retained)}
          </p>
          {layer.inconsistent && (
            <p className="message message-error">
              Known flows into {name} exceed its revenue pool: the payees&apos; shares in {name} give less than they are paid.
              Check those companies&apos; shares or the flows.
            </p>
          )}
          <div className={styles.grid}>
            <FlowSide title="Customers" side={customers} layerName={name} direction="in" />
            <FlowSide title="Suppliers" side={suppliers} layerName={name} direction="out" />
          </div>
        </>
      )}
    </section>
  );
}

function FlowSide({
  title,
  side,
  layerName,
  direction,
}: {
  title: string;
  side: LayerSide;
  layerName: string;
  direction: 'in' | 'out';
}) {
  const inflow = direction === 'in';
  const share = (value: number) => formatPercent(side.total > 0 ? value / side.total : null);
  return (
    <div>
      <h3 className={styles.sideTitle}>
        {title}{' '}
        <span className="muted">
          · {formatUsdMillions(side.total)} in {side.flows} {side.flows === 1 ? 'flow' : 'flows'}
        </span>
      </h3>
      {side.flows === 0 ? (
        <p className="empty">{inflow ? `No known flow pays ${layerName}.` : `${layerName} pays no known supplier.`}</p>
      ) : (
        <>
          <SideTable
            label={`${title} of ${layerName} by layer`}
            first={inflow ? 'Payer layer' : 'Payee layer'}
            rows={side.byLayer.map((c) => ({ key: c.layer, href: `/layers/${c.layer}`, ...c }))}
            share={share}
          />
          <SideTable
            label={inflow ? `Top payers of ${layerName}` : `Top payees of ${layerName}`}
            first={inflow ? 'Top payers' : 'Top payees'}
            rows={side.top.map((p) => ({ key: p.id, href: `/companies/${p.id}#customers-and-suppliers`, ...p }))}
            share={share}
          />
          {side.parties > side.top.length && (
            <p className="muted">
              The largest {side.top.length} of {side.parties} {inflow ? 'payers' : 'payees'}.
            </p>
          )}
        </>
      )}
      {side.missingCount > 0 && (
        <p className="muted">
          {side.missingCount} {side.missingCount === 1 ? 'flow has' : 'flows have'} no USD value:{' '}
          {side.missing.map((m) => `${m.payer} → ${m.payee} (${m.reason})`).join('; ')}
          {side.missingCount > side.missing.length ? ' …' : ''}
        </p>
      )}
    </div>
  );
}

/** One of a side's tables: a layer or a company per row, with its USD sum, its flows and its share of the side. */
function SideTable({
  label,
  first,
  rows,
  share,
}: {
  label: string;
  first: string;
  rows: { key: string; href: string; name: string; value: number; flows: number }[];
  share: (value: number) => string;
}) {
  return (
    <div className="table-wrap" style={{ marginBottom: '0.75rem' }}>
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {['USD', 'Flows', 'Share'].map((c) => (
              <th key={c} scope="col" className={styles.num}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>
                <Link href={r.href}>{r.name}</Link>
              </td>
              <td className={styles.num}>{formatUsdMillions(r.value)}</td>
              <td className={styles.num}>{r.flows}</td>
              <td className={styles.num}>{share(r.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
