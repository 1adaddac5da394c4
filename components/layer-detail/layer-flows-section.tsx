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
          <div className="table-wrap">
            <table className="table" aria-label={`${title} of ${layerName} by layer`}>
              <thead>
                <tr>
                  <th scope="col">{inflow ? 'Payer layer' : 'Payee layer'}</th>
                  <th scope="col" className={styles.num}>
                    USD
                  </th>
                  <th scope="col" className={styles.num}>
                    Flows
                  </th>
                  <th scope="col" className={styles.num}>
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {side.byLayer.map((c) => (
                  <tr key={c.layer}>
                    <td>
                      <Link href={`/layers/${c.layer}`}>{c.name}</Link>
                    </td>
                    <td className={styles.num}>{formatUsdMillions(c.value)}</td>
                    <td className={styles.num}>{c.flows}</td>
                    <td className={styles.num}>{share(c.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-wrap" style={{ marginTop: '0.75rem' }}>
            <table className="table" aria-label={inflow ? `Top payers of ${layerName}` : `Top payees of ${layerName}`}>
              <thead>
                <tr>
                  <th scope="col">{inflow ? 'Top payers' : 'Top payees'}</th>
                  <th scope="col" className={styles.num}>
                    USD
                  </th>
                  <th scope="col" className={styles.num}>
                    Flows
                  </th>
                  <th scope="col" className={styles.num}>
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {side.top.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/companies/${p.id}#customers-and-suppliers`}>{p.name}</Link>
                    </td>
                    <td className={styles.num}>{formatUsdMillions(p.value)}</td>
                    <td className={styles.num}>{p.flows}</td>
                    <td className={styles.num}>{share(p.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
