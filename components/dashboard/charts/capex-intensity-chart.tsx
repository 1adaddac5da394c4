'use client';

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { compareByName } from '@/lib/domain/analytics/order';
import type { Coverage, MissingCompany } from '@/lib/domain/analytics/types';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS } from '@/lib/domain/layers';
import { formatPercent } from '@/lib/format';
import { ChartCard } from '@/components/charts/chart-card';
import { useDashboardFilters } from '../dashboard-context';
import { useDashboardQuery, type DashboardAnswers } from '../use-dashboard-query';
import { AXIS_LABEL, AXIS_TICK, HOVER_CURSOR } from '@/components/charts/chart-style';
import { layerLabel } from '@/lib/charts/layers';
import { filtersSubtitle } from '@/lib/charts/export-text';

interface IntensityRow {
  name: string;
  /** "6 Application", for the category axis. */
  layer: string;
  colour: string;
  /** Capex pool / revenue pool over the companies with both; null when none has both. */
  intensity: number | null;
}

/** Each layer's capex intensity, Application on top (like the stack). */
function rowsOf(answer: DashboardAnswers['profitability']): IntensityRow[] {
  return [...answer.layers].reverse().map((l) => {
    const layer = LAYERS.find((x) => x.key === l.key)!;
    return { name: layer.name, layer: layerLabel(layer), colour: layer.colour, intensity: l.capexIntensity };
  });
}

/**
 * The companies behind the ratio: the set (the same for both metrics) less every company missing revenue or capex.
 * A company missing both keeps both reasons; its code is `no_figure` when either is (SPEC §5).
 */
function coverageOfBoth(revenue: Coverage, capex: Coverage): Coverage {
  const setSize = revenue.included + revenue.missing.length;
  const missing = new Map<string, MissingCompany>(revenue.missing.map((m) => [m.id, m]));
  for (const m of capex.missing) {
    const known = missing.get(m.id);
    if (!known) missing.set(m.id, m);
    else
      missing.set(m.id, {
        ...known,
        code: known.code === 'no_figure' || m.code === 'no_figure' ? 'no_figure' : m.code,
        reason: `${known.reason}; ${m.reason}`,
      });
  }
  return { included: setSize - missing.size, missing: [...missing.values()].sort(compareByName) };
}

const TICK_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5];

/** Round percentage ticks (0, 25%, 50% …) up to the largest intensity, at most five steps, shown with enough decimals. */
function percentTicks(rows: IntensityRow[]): { ticks: number[]; digits: number } {
  const largest = Math.max(0, ...rows.map((r) => r.intensity ?? 0));
  const step = TICK_STEPS.find((s) => largest <= 5 * s) ?? Math.ceil(largest / 5);
  const count = Math.max(1, Math.ceil(largest / step));
  return { ticks: Array.from({ length: count + 1 }, (_, i) => i * step), digits: step < 0.01 ? 1 : 0 };
}

const INTENSITY_NOTE =
  "The layer's capex pool over its revenue pool, each company split across the layers by its shares; a company without capex does not lower its layers' intensity. Above 100%, a layer spends more on capex than it takes in revenue. A layer without a bar has no company with both figures.";

/** Capex intensity: capex / revenue per layer, over the companies with both figures. */
export function CapexIntensityChart() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('profitability', filters);
  const answer = query.data;
  const rows = answer ? rowsOf(answer) : [];
  const { ticks, digits } = percentTicks(rows);
  const empty =
    answer && answer.layers.every((l) => l.capexIntensity === null)
      ? `No company has capex and revenue for ${filters.year}. Add capex figures on a company page or import a figures.csv.`
      : null;
  return (
    <ChartCard
      id="capex-intensity"
      title={`Capex intensity by layer, ${filters.year}`}
      description={`Capex as a share of revenue in each layer, over the companies with both revenue and capex in ${filters.year}.`}
      coverage={answer && coverageOfBoth(answer.coverage.revenue, answer.coverage.capex)}
      estimated={answer?.estimated}
      loading={query.isPending}
      stale={query.isPlaceholderData}
      error={query.error}
      empty={empty}
      note={empty ? undefined : INTENSITY_NOTE}
      table={{
        columns: [
          { label: 'Layer', kind: 'text' },
          { label: 'Capex / revenue', kind: 'ratio' },
        ],
        rows: [...rows].reverse().map((r) => [r.name, r.intensity]),
      }}
      exportAs={{
        name: { chart: 'capex-intensity', metric: 'capex-revenue', period: String(filters.year), basis: filters.basis },
        subtitle: filtersSubtitle(filters, { measure: 'Capex / revenue', period: String(filters.year) }),
      }}
    >
      <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 48, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
        <XAxis
          type="number"
          domain={[0, ticks.at(-1) ?? 1]}
          ticks={ticks}
          tickFormatter={(v: number) => formatPercent(v, digits)}
          tick={AXIS_TICK}
          label={{ value: 'Capex / revenue (%)', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
        />
        <YAxis type="category" dataKey="layer" width={118} tick={AXIS_TICK} interval={0} />
        <Tooltip
          cursor={HOVER_CURSOR}
          content={({ active, payload }) => {
            const row = active ? (payload?.[0]?.payload as IntensityRow | undefined) : undefined;
            if (!row) return null;
            return (
              <div className="chart-tooltip">
                <strong>{row.name}</strong>
                <br />
                {row.intensity === null
                  ? 'No company with both revenue and capex'
                  : `Capex is ${formatPercent(row.intensity)} of revenue`}
              </div>
            );
          }}
        />
        <Bar dataKey="intensity" maxBarSize={28} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.layer} fill={r.colour} />
          ))}
          <LabelList
            dataKey="intensity"
            position="right"
            fontSize={11}
            fill={PALETTE.axisTick}
            formatter={(v) => formatPercent(Number(v))}
          />
        </Bar>
      </BarChart>
    </ChartCard>
  );
}
