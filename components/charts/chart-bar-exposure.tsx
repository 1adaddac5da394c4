'use client';

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { exposureLabel, exposureRows, type ExposureInput } from '@/lib/charts/exposure';
import { PALETTE } from '@/lib/charts/palette';

/** One company's exposure: its share of business in each layer, application on top, and the part outside. */
export function ChartBarExposure({ company }: { company: ExposureInput }) {
  const data = exposureRows(company);
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
                formatter={(v: unknown) => exposureLabel(Number(v))}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
