'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { METRIC_LABELS, METRIC_NAMES } from '@/lib/domain/figures/types';
import { PALETTE } from '@/lib/charts/palette';
import { LAYERS } from '@/lib/domain/layers';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { ChartCard } from '@/components/charts/chart-card';
import { useDashboardFilters } from '../dashboard-context';
import { useDashboardQuery, type DashboardAnswers } from '../use-dashboard-query';
import { AXIS_TICK, fadeFor, usdAxisProps, HOVER_CURSOR } from '@/components/charts/chart-style';
import { layerLabel } from '@/lib/charts/layers';
import { filtersSubtitle } from '@/lib/charts/export-text';
import { stackExtents, usdAxis } from '@/lib/charts/usd-axis';

const RANKS = 5;
const GREYED = PALETTE.greyed;
type Segment = { id: string | null; name: string; value: number; share: number | null };
type Row = { layer: string; colour: string; greyed: boolean } & Record<string, number | string | boolean | Segment>;

type LayerAnswer = DashboardAnswers['layers']['layers'][number];
/** A layer whose coverage is under 80% of its companies is drawn grey (issue 6): its pool is too partial to compare. */
const isGreyed = (l: LayerAnswer) => l.companies < 0.8 * (l.companies + l.missing);

/** Each layer's rows (application on top, like the stack): its top companies, then "Others". */
function rowsOf(answer: DashboardAnswers['layers']): Row[] {
  return [...answer.layers].reverse().map((l) => {
    const layer = LAYERS.find((x) => x.key === l.key)!;
    const row: Row = { layer: layerLabel(layer), colour: layer.colour, greyed: isGreyed(l) };
    l.top.slice(0, RANKS).forEach((t, i) => {
      row[`v${i}`] = t.value;
      row[`s${i}`] = { id: t.id, name: t.name, value: t.value, share: t.share };
    });
    row.vOthers = l.others.value;
    row.sOthers = { id: null, name: `Others (${l.others.count})`, value: l.others.value, share: null };
    return row;
  });
}

/** Layer pools: a bar per layer, stacked by its five largest companies and the rest; a click opens the company. */
export function LayerPoolsChart() {
  const router = useRouter();
  const { filters } = useDashboardFilters();
  const query = useDashboardQuery('layers', filters);
  const answer = query.data;
  const rows = answer ? rowsOf(answer) : [];
  const keys = [...Array.from({ length: RANKS }, (_, i) => String(i)), 'Others'];
  const metric = METRIC_NAMES[filters.metric];
  const axis = usdAxis(stackExtents((answer?.layers ?? []).map((l) => [...l.top.map((t) => t.value), l.others.value])));
  const note =
    "Stack totals are gross: one layer's revenue is often another's spend. Each bar: the layer's five largest companies, fading to the rest.";
  // The legend names the grey only when a grey bar is drawn.
  const greyed = (answer?.layers ?? []).some((l) => isGreyed(l) && l.value !== 0);
  return (
    <ChartCard
      id="layer-pools"
      title={`${metric} pools by layer, ${filters.year}`}
      description={`Each company's ${metric.toLowerCase()} split across the layers by its shares, in USD; the largest five companies of each layer, then the rest.`}
      coverage={answer?.coverage}
      estimated={answer?.estimated}
      loading={query.isPending}
      stale={query.isPlaceholderData}
      error={query.error}
      empty={
        answer && answer.coverage.included === 0
          ? `No company has ${metric.toLowerCase()} for ${filters.year}. Add figures on a company page or import a figures.csv.`
          : null
      }
      note={`${note} Layers with under 80% of their companies covered are greyed.`}
      table={{
        columns: [
          { label: 'Layer', kind: 'text' },
          { label: 'Company', kind: 'text' },
          { label: `Attributed ${METRIC_LABELS[filters.metric]}`, kind: 'usdMillions' },
          { label: 'Share of layer', kind: 'ratio' },
        ],
        rows: (answer?.layers ?? []).flatMap((l) => [
          ...l.top.map((t) => [l.name, t.name, t.value, t.share]),
          ...(l.others.count ? [[l.name, `Others (${l.others.count})`, l.others.value, null]] : []),
        ]),
      }}
      exportAs={{
        name: { chart: 'layer-pools', metric: filters.metric, period: String(filters.year), basis: filters.basis },
        subtitle: filtersSubtitle(filters, { measure: metric, period: String(filters.year) }),
        legend: greyed ? [{ label: 'Layer with under 80% of its companies covered', colour: GREYED }] : [],
        note,
      }}
    >
      <BarChart data={rows} layout="vertical" stackOffset="sign" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
        <CartesianGrid horizontal={false} stroke={PALETTE.grid} />
        <XAxis type="number" {...usdAxisProps(axis, `Attributed ${METRIC_LABELS[filters.metric]}`, 'x')} />
        <YAxis type="category" dataKey="layer" width={118} tick={AXIS_TICK} interval={0} />
        <Tooltip
          cursor={HOVER_CURSOR}
          content={({ active, payload }) => {
            const segment = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
            const key = payload?.[0]?.dataKey?.toString().replace(/^v/, 's');
            const s = segment && key ? (segment[key] as Segment | undefined) : undefined;
            if (!s) return null;
            return (
              <div className="chart-tooltip">
                <strong>{s.name}</strong>
                <br />
                {formatUsdMillions(s.value)}
                {s.share !== null && ` · ${formatPercent(s.share)} of ${segment!.layer.replace(/^\d /, '')}`}
              </div>
            );
          }}
        />
        {keys.map((k, rank) => (
          <Bar
            key={k}
            dataKey={`v${k}`}
            stackId="pool"
            isAnimationActive={false}
            stroke={PALETTE.white}
            strokeWidth={1}
            cursor={k === 'Others' ? undefined : 'pointer'}
            onClick={(data: { payload?: Row }) => {
              const s = data.payload?.[`s${k}`] as Segment | undefined;
              if (s?.id) router.push(`/companies/${s.id}`);
            }}
          >
            {rows.map((r) => (
              <Cell key={r.layer} fill={r.greyed ? GREYED : r.colour} fillOpacity={fadeFor(rank, keys.length)} />
            ))}
          </Bar>
        ))}
      </BarChart>
    </ChartCard>
  );
}
