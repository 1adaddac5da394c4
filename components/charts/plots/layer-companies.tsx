'use client';

import { useRouter } from 'next/navigation';
import { Tooltip, Treemap, type TreemapNode } from 'recharts';
import type { ShadedTile } from '@/lib/charts/layer-companies';
import { PALETTE } from '@/lib/charts/palette';
import { formatPercent, formatUsdMillions } from '@/lib/format';
import { definePlot } from './define-plot';

/** The layer's companies as tiles sized by attributed value, in shades of the layer colour; a click opens the company. */
function LayerCompaniesPlot({ tiles, name }: { tiles: ShadedTile[]; name: string }) {
  const router = useRouter();
  return (
    <Treemap
      data={tiles}
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

export default definePlot(LayerCompaniesPlot);
