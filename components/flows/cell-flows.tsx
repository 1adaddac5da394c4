'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import type { FlowsQuery } from '@/lib/analytics/query';
import { linkTitle, type FlowLink } from '@/lib/charts/flows-sankey';
import { formatUsdMillions } from '@/lib/format';
import { analyticsQueries } from '@/lib/queries/analytics';
import styles from './flows.module.css';

/**
 * The flows a link of the Sankey (a matrix cell) sums: payer → payee, USD value, kind and source, largest first.
 * Its heading takes focus when a cell is chosen, so a keyboard or screen-reader user lands on the list.
 */
export function CellFlows({ link, query, onClose }: { link: FlowLink; query: FlowsQuery; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { data, error, isPending } = useQuery(analyticsQueries.flowCell({ ...query, from: link.from!, to: link.to }));
  useEffect(() => heading.current?.focus(), [link.key]);
  return (
    <section className={styles.cellFlows} aria-labelledby="cell-flows-title">
      <div className={styles.cellFlowsHead}>
        <h3 id="cell-flows-title" ref={heading} tabIndex={-1}>
          Flows {linkTitle(link)}, {query.year}: {formatUsdMillions(link.value)}
        </h3>
        <button type="button" className="btn btn-small" onClick={onClose}>
          Close
        </button>
      </div>
      {error ? (
        <p className="message message-error">Could not load these flows: {error.message}</p>
      ) : isPending ? (
        <p className="muted" aria-busy="true">
          Loading the flows…
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={`Flows ${linkTitle(link)}`}>
            <thead>
              <tr>
                <th scope="col">Payer → payee</th>
                <th scope="col" className={styles.num}>
                  Value (USD)
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Source</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link href={`/companies/${f.payer.id}`}>{f.payer.name}</Link> →{' '}
                    <Link href={`/companies/${f.payee.id}`}>{f.payee.name}</Link>
                  </td>
                  <td className={styles.num}>{formatUsdMillions(f.value)}</td>
                  <td>{f.kind}</td>
                  <td className={styles.source}>{f.source ?? <span className="muted">none given</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
