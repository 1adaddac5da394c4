'use client';

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { CompanyView } from '@/lib/companies/schema';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS } from '@/lib/domain/layers';

const OUTSIDE = { name: 'Outside the AI stack', colour: PALETTE.outside };

/** One company's exposure: its share of business in each layer, application on top, and the part outside. */
export function ChartBarExposure({ company }: { company: Pick<CompanyView, 'exposures' | 'outside'> }) {
  const share = new Map(company.exposures.map((e) => [e.layer, Number(e.share) * 100]));
  const data = [
    ...[...LAYERS].reverse().map((l) => ({ name: `${l.position} ${l.name}`, value: share.get(l.key) ?? 0, colour: l.colour })),
    { name: OUTSIDE.name, value: Number(company.outside) * 100, colour: OUTSIDE.colour },
  ];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="muted" style={{ fontSize: '0.85rem' }}>
        Share of the company&apos;s business in each layer (%)
      </figcaption>
      <div style={{ width: '100%', height: 250 }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} fontSize={12} />
            <YAxis type="category" dataKey="name" width={150} fontSize={12} interval={0} />
            <Bar dataKey="value" isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.name} fill={d.colour} />
              ))}
              <LabelList
                dataKey="value"
                position="right"
                fontSize={12}
                fill={PALETTE.text}
                formatter={(v: unknown) => (Number(v) > 0 ? `${Number(Number(v).toFixed(2))}%` : '')}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
