'use client';

import { PALETTE } from '@/lib/charts/palette';
import { useRouter } from 'next/navigation';
import { Tooltip, Treemap, type TreemapNode } from 'recharts';
import { ChartCard } from '@/components/charts/chart-card';
import { filtersSubtitle } from '@/lib/charts/export-text';
import type { LayerDetailAnswer } from '@/lib/analytics/schema';
import { METRIC_LABELS, METRIC_NAMES } from '@/lib/domain/figures/types';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { textOn, tint } from '@/lib/charts/shades';
import { treemapTiles, type Tile } from '@/lib/charts/treemap-tiles';
import { useUrlFilters } from './use-url-filters';

/** The most tiles drawn; the smallest companies beyond them become one "Others" tile. */
const MAX_TILES = 40;
const OTHERS_FILL = PALETTE.greyed;
/** The palest shade a company tile gets: the layer colour at 40%. */
const PALEST = 0.6;

type ShadedTile = Tile & { fill: string; text: string };

/** The layer's companies as tiles sized by attributed value, in shades of the layer colour; a click opens the company. */
export function LayerTreemap({ answer, colour }: { answer: LayerDetailAnswer; colour: string }) {
  const router = useRouter();
  const filters = useUrlFilters();
  const { name, year, companies } = answer;
  const metric = METRIC_LABELS[answer.metric];
  const { tiles, notDrawn } = treemapTiles(companies, MAX_TILES);
  const shaded: ShadedTile[] = tiles.map((t, rank) => {
    const fill = t.id === null ? OTHERS_FILL : tint(colour, (rank / Math.max(1, tiles.length - 1)) * PALEST);
    return { ...t, fill, text: textOn(fill) };
  });
  const folded = tiles.find((t) => t.id === null);
  const notDrawnNote =
    notDrawn > 0 &&
    `${notDrawn} ${notDrawn === 1 ? 'company has' : 'companies have'} a zero or negative value and ${notDrawn === 1 ? 'is' : 'are'} not drawn: only positive values have an area.`;
  const foldedNote = folded && `The ${folded.count} smallest companies are folded into “Others”.`;
  const sentences = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;
  return (
    <ChartCard
      id="layer-treemap"
      title={`${name} companies by attributed ${metric}, ${year}`}
      description={`Each tile is a company's ${metric} in ${name} (its ${metric} times its share in this layer), sized by value.`}
      coverage={answer.coverage}
      estimated={answer.estimated}
      loading={false}
      stale={false}
      error={null}
      empty={
        companies.length === 0
          ? `No company of ${name} has ${metric} for ${year}. Tag companies to this layer or add figures.`
          : tiles.length === 0
            ? `No company of ${name} has a positive ${metric} for ${year}, and a tile needs a positive area. The table below lists them.`
            : null
      }
      note={sentences(notDrawnNote, notDrawnNote && 'The table lists every company.', foldedNote)}
      table={{
        columns: [
          { label: 'Company', kind: 'text' },
          { label: `Attributed ${metric}`, kind: 'usdMillions' },
          { label: 'Share of layer', kind: 'ratio' },
        ],
        rows: tiles.map((t) => [t.name, t.value, t.shareOfLayer]),
      }}
      exportAs={{
        name: { chart: `layer-${answer.key}-companies`, metric: answer.metric, period: String(year), basis: answer.basis },
        subtitle: filtersSubtitle(
          { ...filters, basis: answer.basis },
          { measure: `${METRIC_NAMES[answer.metric]} attributed to ${name}`, period: String(year) },
        ),
        note: sentences(notDrawnNote, foldedNote),
      }}
    >
      <Treemap
        data={shaded}
        dataKey="value"
        nameKey="name"
        aspectRatio={4 / 3}
        isAnimationActive={false}
        content={TileShape}
        onClick={(node) => {
          const id = (node as TreemapNode & Partial<ShadedTile>).id;
          if (id) router.push(`/companies/${id}`);
        }}
      >
        <Tooltip
          content={({ active, payload }) => {
            const tile = active ? (payload?.[0]?.payload as ShadedTile | undefined) : undefined;
            if (!tile) return null;
            return (
              <div className="chart-tooltip">
                <strong>{tile.name}</strong>
                <br />
                {formatUsdMillions(tile.value)}
                {tile.shareOfLayer !== null && ` · ${formatPercent(tile.shareOfLayer)} of ${name}`}
              </div>
            );
          }}
        />
      </Treemap>
    </ChartCard>
  );
}

/** Labels only where they fit: the name from 64 × 28 px, the value too from 48 px high. */
function TileShape(node: TreemapNode) {
  const { x, y, width, height, depth } = node;
  const tile = node as TreemapNode & ShadedTile;
  if (depth !== 1) return <g />;
  const chars = Math.floor((width - 12) / 7);
  const label = width >= 64 && height >= 28 && chars >= 4 ? truncate(tile.name, chars) : null;
  return (
    <g style={{ cursor: tile.id ? 'pointer' : undefined }}>
      <rect x={x} y={y} width={width} height={height} fill={tile.fill} stroke={PALETTE.white} strokeWidth={1} />
      {label && (
        <text x={x + 6} y={y + 17} fill={tile.text} fontSize={12} pointerEvents="none">
          {label}
        </text>
      )}
      {label && height >= 48 && (
        <text x={x + 6} y={y + 33} fill={tile.text} fontSize={11} opacity={0.85} pointerEvents="none">
          {formatUsdMillions(tile.value)}
        </text>
      )}
    </g>
  );
}

const truncate = (text: string, chars: number) => (text.length <= chars ? text : `${text.slice(0, chars - 1)}…`);
