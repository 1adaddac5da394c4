'use client';

import {
  CartesianGrid,
  Legend,
  Rectangle,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import { compareByName } from '@/lib/domain/analytics/order';
import type { Coverage, MissingCompany } from '@/lib/domain/analytics/types';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS } from '@/lib/domain/layers';
import { formatPercent } from '@/lib/format';
import { ChartCard } from '@/components/charts/chart-card';
import { useDashboardFilters } from '../dashboard-context';
import { useDashboardQuery, type DashboardAnswers } from '../use-dashboard-query';
import { ScreenOnly } from '@/components/export/export-mode';
import { AXIS_LABEL, AXIS_TICK } from '@/components/charts/chart-style';
import { layerLabel } from '@/lib/charts/layers';
import { filtersSubtitle } from '@/lib/charts/export-text';

/** One layer's bar: from `start` to `end` along the 0–1 revenue axis, as tall as its operating margin. */
interface PoolBar {
  label: string;
  colour: string;
  start: number;
  end: number;
  /** Where the bar's hover point sits on the x axis. */
  middle: number;
  revenueShare: number;
  operatingMargin: number;
  companies: number;
}

/** Side by side in stack order; a layer without a margin or without width cannot be drawn and is named instead. */
function poolBarsOf(answer: DashboardAnswers['profitability']): { bars: PoolBar[]; omitted: string[] } {
  const bars: PoolBar[] = [];
  const omitted: string[] = [];
  let start = 0;
  for (const l of answer.layers) {
    const layer = LAYERS.find((x) => x.key === l.key)!;
    if (l.operatingMargin === null || !l.revenueShare) {
      omitted.push(layerLabel(layer));
      continue;
    }
    const end = start + l.revenueShare;
    bars.push({
      label: layerLabel(layer),
      colour: layer.colour,
      start,
      end,
      middle: (start + end) / 2,
      revenueShare: l.revenueShare,
      operatingMargin: l.operatingMargin,
      companies: l.companies,
    });
    start = end;
  }
  return { bars, omitted };
}

/** The profit pool counts the companies with both revenue and operating income: a company missing either is missing. */
function bothMetricsCoverage(revenue: Coverage, operatingIncome: Coverage): Coverage {
  const byId = new Map<string, MissingCompany>();
  for (const company of [...revenue.missing, ...operatingIncome.missing]) {
    const seen = byId.get(company.id);
    if (!seen) byId.set(company.id, company);
    else if (seen.reason !== company.reason)
      byId.set(company.id, {
        ...seen,
        // SPEC §5: when both reasons apply, the code is no_figure.
        code: seen.code === 'no_figure' || company.code === 'no_figure' ? 'no_figure' : seen.code,
        reason: `${seen.reason}; ${company.reason}`,
      });
  }
  const missing = [...byId.values()].sort(compareByName);
  // Both coverages are of the same set of companies.
  return { included: revenue.included + revenue.missing.length - missing.length, missing };
}

const TICK_STEPS = [0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10];

/** Round ticks from the lowest margin (or 0) to the highest (or 0), so zero is a tick and losses go below it. */
function marginAxis(bars: readonly PoolBar[]): { ticks: number[]; domain: [number, number] } {
  const margins = bars.map((b) => b.operatingMargin);
  const low = Math.min(0, ...margins);
  const high = Math.max(0, ...margins);
  const step = TICK_STEPS.find((s) => (high - low) / s <= 6) ?? Math.ceil((high - low) / 6);
  const first = Math.floor(low / step);
  const last = Math.max(first + 1, Math.ceil(high / step));
  return { ticks: Array.from({ length: last - first + 1 }, (_, i) => (first + i) * step), domain: [first * step, last * step] };
}

const LABEL_FONT_SIZE = 12;
/** Wide enough for the label at roughly 7 px a character, with a little room either side. */
const labelFits = (label: string, width: number, height: number) => width >= label.length * 7 + 8 && height >= 18;

/**
 * A bar drawn from the axes' own scales (Recharts has no variable-width bar): the Scatter point only carries the
 * layer and makes it hoverable. The label sits inside when it fits; otherwise the legend and tooltip name the layer.
 */
function PoolBarShape({ payload }: { payload?: PoolBar }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const left = payload && x?.(payload.start);
  const right = payload && x?.(payload.end);
  const zero = y?.(0);
  const top = payload && y?.(payload.operatingMargin);
  if (!payload || left === undefined || right === undefined || zero === undefined || top === undefined) return null;
  const box = { x: left, y: Math.min(zero, top), width: right - left, height: Math.abs(top - zero) };
  return (
    <g>
      <Rectangle {...box} fill={payload.colour} stroke={PALETTE.white} strokeWidth={1} />
      {labelFits(payload.label, box.width, box.height) && (
        <text
          x={box.x + box.width / 2}
          y={box.y + box.height / 2}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={LABEL_FONT_SIZE}
          fill={PALETTE.ink}
          stroke={PALETTE.white}
          strokeWidth={3}
          paintOrder="stroke"
          pointerEvents="none"
        >
          {payload.label}
        </text>
      )}
    </g>
  );
}

function PoolTooltip({ bar }: { bar: PoolBar | undefined }) {
  if (!bar) return null;
  return (
    <div className="chart-tooltip">
      <strong>{bar.label}</strong>
      <br />
      Share of revenue (width): {formatPercent(bar.revenueShare)}
      <br />
      Operating margin (height): {formatPercent(bar.operatingMargin)}
      <br />
      <span className="muted">{bar.companies} companies with revenue and operating income</span>
    </div>
  );
}

/** Every drawn layer by colour, since a narrow bar has no room for its label. */
function PoolLegend({ bars }: { bars: readonly PoolBar[] }) {
  return (
    <ul
      style={{
        display: 'flex',
        flexWrap: 'wrap',
        justifyContent: 'center',
        gap: '0 1rem',
        margin: 0,
        padding: 0,
        listStyle: 'none',
      }}
    >
      {bars.map((bar) => (
        <li key={bar.label}>
          <span style={{ color: bar.colour }}>■</span> {bar.label}
        </li>
      ))}
    </ul>
  );
}

/** Bain's profit-pool chart: each layer's width is its share of revenue, its height its operating margin. */
export function ProfitPoolChart() {
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('profitability', filters);
  const answer = query.data;
  const { bars, omitted } = answer ? poolBarsOf(answer) : { bars: [], omitted: [] };
  const marginScale = marginAxis(bars);
  return (
    <ChartCard
      id="profit-pool"
      title={`Profit pool by layer, ${filters.year}`}
      description="Each layer's bar is as wide as its share of revenue and as tall as its operating margin, so its area = the layer's share of operating profit."
      coverage={answer && bothMetricsCoverage(answer.coverage.revenue, answer.coverage.operatingIncome)}
      estimated={answer?.estimated}
      loading={query.isPending}
      stale={query.isPlaceholderData}
      error={query.error}
      empty={
        answer && bars.length === 0
          ? `No company has both revenue and operating income for ${filters.year}. Add operating-income figures on a company page or import a figures.csv.`
          : null
      }
      note={[
        'Only companies with both revenue and operating income count, for width and height alike.',
        omitted.length > 0 && `Left out, having no such company: ${omitted.join(', ')}.`,
      ]
        .filter(Boolean)
        .join(' ')}
      table={{
        columns: [
          { label: 'Layer', kind: 'text' },
          { label: 'Share of revenue (width)', kind: 'ratio' },
          { label: 'Operating margin (height)', kind: 'ratio' },
        ],
        rows: bars.map((b) => [b.label, b.revenueShare, b.operatingMargin]),
      }}
      exportAs={{
        name: { chart: 'profit-pool', metric: 'operating-margin', period: String(filters.year), basis: filters.basis },
        subtitle: filtersSubtitle(filters, { measure: 'Share of revenue × operating margin', period: String(filters.year) }),
        legend: bars.map((b) => ({ label: b.label, colour: b.colour })),
      }}
    >
      <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid stroke={PALETTE.grid} />
        <XAxis
          type="number"
          dataKey="middle"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(v: number) => formatPercent(v, 0)}
          tick={AXIS_TICK}
          label={{ value: 'Share of revenue (%)', position: 'insideBottom', offset: -14, ...AXIS_LABEL }}
        />
        <YAxis
          type="number"
          dataKey="operatingMargin"
          domain={marginScale.domain}
          ticks={marginScale.ticks}
          interval={0}
          width={64}
          tickFormatter={(v: number) => formatPercent(v, 0)}
          tick={AXIS_TICK}
          label={{
            value: 'Operating margin (%)',
            angle: -90,
            position: 'insideLeft',
            ...AXIS_LABEL,
            style: { textAnchor: 'middle' },
          }}
        />
        <ReferenceLine y={0} stroke={PALETTE.reference} />
        <ScreenOnly>
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} content={<PoolLegend bars={bars} />} />
        </ScreenOnly>
        <Tooltip
          cursor={false}
          content={({ active, payload }) => (
            <PoolTooltip bar={active ? (payload?.[0]?.payload as PoolBar | undefined) : undefined} />
          )}
        />
        <Scatter
          data={bars}
          isAnimationActive={false}
          shape={(props: { payload?: PoolBar }) => <PoolBarShape payload={props.payload} />}
        />
      </ScatterChart>
    </ChartCard>
  );
}
