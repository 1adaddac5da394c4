'use client';

import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PALETTE } from '@/lib/charts/palette';
import { profileYearRows, type ProfileShares, type ProfileYearRow } from '@/lib/charts/profile-years';
import { METRIC_NAMES, METRICS, type Metric } from '@/lib/domain/figures/types';
import { LAYERS, layerLabel } from '@/lib/domain/layers';
import { legendText } from './legend-text';
import { HOVER_CURSOR } from './chart-style';

/** A year's bar: the profile that applied and its shares, top of the stack first. */
function YearTooltip({ row }: { row: ProfileYearRow | undefined }) {
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.year}</strong> · {row.profile}
      {[...LAYERS].reverse().flatMap((l) =>
        row[l.key] > 0
          ? [
              <div key={l.key}>
                <span style={{ color: l.colour }}>■</span> {layerLabel(l)}: {Number(row[l.key].toFixed(2))}%
              </div>,
            ]
          : [],
      )}
      {row.outside > 0 && <div>Outside the AI stack: {Number(row.outside.toFixed(2))}%</div>}
    </div>
  );
}

/**
 * The company's layer mix by metric and over time: for the chosen metric, one stacked bar per year with figures,
 * split by the profile the analytics use for that metric and year (docs/data-contract.md §2).
 */
export function ChartBarProfileYears({
  base,
  profiles,
  years,
}: {
  base: Omit<ProfileShares, 'scope' | 'fromYear'>;
  profiles: readonly ProfileShares[];
  years: readonly number[];
}) {
  const [metric, setMetric] = useState<Metric>('revenue');
  const rows = profileYearRows(base, profiles, metric, years);
  return (
    <figure style={{ margin: '0.75rem 0 0' }}>
      <figcaption className="actions" style={{ justifyContent: 'space-between', fontSize: '0.85rem' }}>
        <span className="muted">
          By metric and over time: the shares each year&apos;s {METRIC_NAMES[metric].toLowerCase()} is split by (%)
        </span>
        <label>
          Metric{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_NAMES[m]}
              </option>
            ))}
          </select>
        </label>
      </figcaption>
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid vertical={false} stroke={PALETTE.grid} />
            <XAxis dataKey="year" fontSize={12} />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              fontSize={12}
              width={44}
            />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
            <Tooltip
              cursor={HOVER_CURSOR}
              content={({ active, payload }) => (
                <YearTooltip row={active ? (payload?.[0]?.payload as ProfileYearRow | undefined) : undefined} />
              )}
            />
            {LAYERS.map((l) => (
              <Bar key={l.key} dataKey={l.key} name={layerLabel(l)} stackId="mix" fill={l.colour} isAnimationActive={false} />
            ))}
            <Bar dataKey="outside" name="Outside the AI stack" stackId="mix" fill={PALETTE.outside} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
