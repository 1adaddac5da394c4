'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Table } from '@/components/ui/table';
import { LAYERS } from '@/lib/domain/layers';
import { formatDateTime, formatUsdMillions } from '@/lib/format';
import { fetchAnswer } from '@/lib/queries/fetch-answer';
import { COMPARED_METRICS, type ComparedMetric, type SnapshotComparison } from '@/lib/snapshots/schema';

const METRIC_NAMES: Record<ComparedMetric, string> = { revenue: 'Revenue', capex: 'Capex', operatingIncome: 'Operating income' };
const layerName = (key: string) => LAYERS.find((l) => l.key === key)?.name ?? key;
const signed = (millions: number) => (millions > 0 ? `+${formatUsdMillions(millions)}` : formatUsdMillions(millions));

/** *Compare with now*: each layer's pools then, now and the change, and what was edited since the snapshot's data. */
export function SnapshotCompare({ id }: { id: string }) {
  const [asked, setAsked] = useState(false);
  const comparison = useQuery({
    queryKey: ['snapshots', id, 'compare'],
    queryFn: () => fetchAnswer<SnapshotComparison>(`/api/v1/snapshots/${id}/compare`),
    enabled: asked,
  });
  if (!asked)
    return (
      <button type="button" className="btn" onClick={() => setAsked(true)}>
        Compare with now
      </button>
    );
  if (comparison.isPending) return <p className="muted">Computing today’s numbers…</p>;
  if (comparison.error) return <p className="form-error">Could not compare: {comparison.error.message}</p>;
  const { layers, changes, changesCount, asOf, snapshot } = comparison.data;
  return (
    <div>
      <h3>Compared with now</h3>
      <p className="muted">
        Then: data as of {formatDateTime(snapshot.asOf)}. Now: data as of {formatDateTime(asOf)}. USD, {snapshot.filters.year},{' '}
        {snapshot.filters.basis} years.
      </p>
      <Table
        columns={['Layer', ...COMPARED_METRICS.flatMap((m) => [`${METRIC_NAMES[m]} then`, 'Now', 'Change'])]}
        label="The snapshot compared with now"
      >
        {layers.map((l) => (
          <tr key={l.key}>
            <th scope="row">{layerName(l.key)}</th>
            {COMPARED_METRICS.map((m) => (
              <Cells key={m} {...l.metrics[m]} />
            ))}
          </tr>
        ))}
      </Table>
      <h3>Changed since the snapshot’s data</h3>
      {changesCount === 0 ? (
        <p className="muted">Nothing: the data is as it was.</p>
      ) : (
        <ul aria-label="Changes since the snapshot">
          {changes.map((c, i) => (
            <li key={i}>
              {formatDateTime(c.at)} · {c.actor} · {c.subject}
              {c.changes.length > 0 && `: ${c.changes.join('; ')}`}
            </li>
          ))}
          {changesCount > changes.length && <li>…and {changesCount - changes.length} more (see the audit log)</li>}
        </ul>
      )}
    </div>
  );
}

function Cells({ then, now, change }: { then: number; now: number; change: number }) {
  return (
    <>
      <td className="num">{formatUsdMillions(then)}</td>
      <td className="num">{formatUsdMillions(now)}</td>
      <td className="num">{change === 0 ? '—' : signed(change)}</td>
    </>
  );
}
