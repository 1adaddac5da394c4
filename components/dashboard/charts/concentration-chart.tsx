'use client';

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { METRIC_NAMES } from '@/lib/domain/figures/types';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS } from '@/lib/domain/layers';
import { formatPercent } from '@/lib/format';
import { ChartCard } from '@/components/charts/chart-card';
import { useDashboardFilters } from '../dashboard-context';
import { useDashboardQuery, type DashboardAnswers } from '../use-dashboard-query';
import { AXIS_LABEL, AXIS_TICK, HOVER_CURSOR } from '@/components/charts/chart-style';
import { layerLabel } from '@/lib/charts/layers';
import { filtersSubtitle } from '@/lib/charts/export-text';

const HHI_MAX = 10_000;
const HHI_TICKS = [0, 2_500, 5_000, 7_500, HHI_MAX];
/**
 * Above this HHI a bar's label goes inside its end, haloed (outside, it would run past the axis at ~600 px); below,
 * it sits after the end on a white box, so a threshold line does not run through its text.
 */
const LABEL_INSIDE_FROM = 7_000;
/** The thresholds drawn on the chart, in the memo's legend. */
const UNCONCENTRATED = { value: 1_000, colour: PALETTE.reference };
const HIGHLY_CONCENTRATED = { value: 1_800, colour: PALETTE.highlight };

interface ConcentrationRow {
  layer: string;
  colour: string;
  hhi: number | null;
  cr3: number | null;
  effectiveCompanies: number | null;
  /** "2,340 · CR3 64%"; null when the layer has no concentration. */
  label: string | null;
}

const formatHhi = (hhi: number) => Math.round(hhi).toLocaleString('en-US');
const formatEffective = (count: number) => count.toFixed(1);

/** Each layer's concentration, Application on top (like the stack). */
function rowsOf(answer: DashboardAnswers['layers']): ConcentrationRow[] {
  return [...answer.layers].reverse().map((l) => {
    const layer = LAYERS.find((x) => x.key === l.key)!;
    return {
      layer: layerLabel(layer),
      colour: layer.colour,
      hhi: l.hhi,
      cr3: l.cr3,
      effectiveCompanies: l.effectiveCompanies,
      label: l.hhi === null ? null : `${formatHhi(l.hhi)} · CR3 ${formatPercent(l.cr3, 0)}`,
    };
  });
}

/** What to add, or why there is nothing to measure; null when there is something to draw. */
function emptyMessage(answer: DashboardAnswers['layers'] | undefined, metric: string, year: number): string | null {
  if (!answer) return null;
  if (answer.metric === 'operating_income')
    return 'Concentration is measured for revenue and capex only: a share of a loss reads backwards. Switch the metric to revenue or capex.';
  if (answer.coverage.included === 0)
    return `No company has ${metric} for ${year}. Add figures on a company page or import a figures.csv.`;
  if (answer.layers.every((l) => l.hhi === null))
    return `No company has a positive ${metric} in any layer for ${year}. Add figures on a company page or import a figures.csv.`;
  return null;
}

function ConcentrationTooltip({ row, metric }: { row: ConcentrationRow; metric: string }) {
  return (
    <div className="chart-tooltip">
      <strong>{row.layer.replace(/^\d /, '')}</strong>
      <br />
      {row.hhi === null || row.effectiveCompanies === null ? (
        `No company with a positive ${metric}`
      ) : (
        <>
          HHI {formatHhi(row.hhi)} · CR3 {formatPercent(row.cr3)}
          <br />
          Effective number of companies: {formatEffective(row.effectiveCompanies)}
        </>
      )}
    </div>
  );
}

/** Concentration: each layer's HHI among the tracked companies, against the US merger-guideline thresholds. */
export function ConcentrationChart() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('layers', filters);
  const answer = query.data;
  const rows = answer ? rowsOf(answer) : [];
  const metricName = METRIC_NAMES[filters.metric];
  const metric = metricName.toLowerCase();
  const empty = emptyMessage(answer, metric, filters.year);
  return (
    <ChartCard
      id="concentration"
      title={`${metricName} concentration among tracked companies, ${filters.year}`}
      description={`The Herfindahl–Hirschman index (HHI) of each layer's ${metric} among tracked companies (10,000 is one company holding it all): it measures the tracked universe, not the whole market.`}
      coverage={answer?.coverage}
      estimated={answer?.estimated}
      loading={query.isPending}
      stale={query.isPlaceholderData}
      error={query.error}
      empty={empty}
      note={
        empty
          ? undefined
          : `Over the companies with a positive attributed ${metric}. The 2023 US Merger Guidelines call a market above 1,800 highly concentrated; earlier guidelines called one below 1,000 unconcentrated. CR3 is the three largest companies' share; effective companies = 10,000 / HHI.`
      }
      table={{
        columns: [
          { label: 'Layer', kind: 'text' },
          { label: 'HHI', kind: 'hhi' },
          { label: 'CR3', kind: 'ratio' },
          { label: 'Effective companies', kind: 'decimal' },
        ],
        rows: (answer?.layers ?? []).map((l) => [l.name, l.hhi, l.cr3, l.effectiveCompanies]),
      }}
      exportAs={{
        name: { chart: 'concentration', metric: filters.metric, period: String(filters.year), basis: filters.basis },
        subtitle: filtersSubtitle(filters, {
          measure: `${metricName}, HHI among tracked companies`,
          period: String(filters.year),
        }),
        legend: [
          { label: 'Below 1,000: unconcentrated (earlier guidelines)', colour: UNCONCENTRATED.colour, mark: 'dashed' },
          { label: 'Above 1,800: highly concentrated (2023 guidelines)', colour: HIGHLY_CONCENTRATED.colour, mark: 'dashed' },
        ],
      }}
    >
      <BarChart data={rows} layout="vertical" margin={{ top: 22, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
        <XAxis
          type="number"
          domain={[0, HHI_MAX]}
          ticks={HHI_TICKS}
          tickFormatter={formatHhi}
          tick={AXIS_TICK}
          label={{ value: 'HHI among tracked companies (0–10,000)', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
        />
        <YAxis type="category" dataKey="layer" width={118} tick={AXIS_TICK} interval={0} />
        <Tooltip
          cursor={HOVER_CURSOR}
          content={({ active, payload }) => {
            const row = active ? (payload?.[0]?.payload as ConcentrationRow | undefined) : undefined;
            return row ? <ConcentrationTooltip row={row} metric={metric} /> : null;
          }}
        />
        {/* The two labels sit above the plot and grow away from each other, so they never overlap. */}
        <ReferenceLine
          x={UNCONCENTRATED.value}
          stroke={UNCONCENTRATED.colour}
          strokeDasharray="4 3"
          label={{ value: '1,000', position: 'top', textAnchor: 'end', dx: -3, fontSize: 11, fill: PALETTE.referenceLabel }}
        />
        <ReferenceLine
          x={HIGHLY_CONCENTRATED.value}
          stroke={HIGHLY_CONCENTRATED.colour}
          strokeDasharray="4 3"
          label={{
            value: '1,800: highly concentrated',
            position: 'top',
            textAnchor: 'start',
            dx: 3,
            fontSize: 11,
            fill: PALETTE.highlightText,
          }}
        />
        <Bar dataKey="hhi" maxBarSize={28} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.layer} fill={r.colour} />
          ))}
          <LabelList
            dataKey={(r: ConcentrationRow) => (r.hhi !== null && r.hhi <= LABEL_INSIDE_FROM ? r.label : null)}
            position="right"
            fontSize={11}
            fill={PALETTE.axisTick}
            background={{ fill: PALETTE.white, padding: { x: 2, y: 1 } }}
          />
          <LabelList
            dataKey={(r: ConcentrationRow) => (r.hhi !== null && r.hhi > LABEL_INSIDE_FROM ? r.label : null)}
            position="insideRight"
            fontSize={11}
            fill={PALETTE.text}
            halo
          />
        </Bar>
      </BarChart>
    </ChartCard>
  );
}
