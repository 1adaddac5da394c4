'use client';

import { Sankey, Tooltip, type SankeyLinkProps as LinkProps, type SankeyNodeProps as NodeProps } from 'recharts';
import { linkLines, linkTitle, type FlowLink, type SankeyLinkDatum, type SankeyNodeDatum } from '@/lib/charts/flows-sankey';
import { PALETTE } from '@/lib/charts/palette';
import { formatUsdMillions } from '@/lib/format';
import { SANKEY_HEIGHT } from '../chart-style';
import { definePlot } from './define-plot';

export interface FlowsSankeyPlotProps {
  nodes: SankeyNodeDatum[];
  links: SankeyLinkDatum[];
  details: Record<string, FlowLink>;
  /** A click on a link: its details' key (the card lists the flows it sums). */
  onSelect?: (cell: string) => void;
}

const LABEL_FONT_SIZE = 12;
/** Room between two nodes of a column: more than a label's height, so labels never overlap. */
const NODE_PADDING = 18;
const NODE_WIDTH = 14;
const LINE_HEIGHT = 15;
const END_CUSTOMERS_LINES = ['End customers and', 'untracked payers'] as const;

/** Room beside the columns for the labels, which sit outside the nodes so no link crosses them. */
const LABEL_ROOM = 180;

/**
 * A node and its label: payers' labels to the left of the column, payees' to the right. The end customers' long name
 * takes two lines.
 */
function FlowNode({ x, y, width, height, payload }: NodeProps) {
  const node = payload as unknown as SankeyNodeDatum;
  const payer = node.side === 'payer';
  const value = formatUsdMillions(node.total);
  const lines =
    node.layer === null ? [END_CUSTOMERS_LINES[0], `${END_CUSTOMERS_LINES[1]} · ${value}`] : [`${node.name} · ${value}`];
  const labelX = payer ? x - 6 : x + width + 6;
  return (
    <g>
      <rect x={x} y={y} width={width} height={Math.max(height, 1)} fill={node.colour} stroke={PALETTE.white} strokeWidth={0.5} />
      <text
        x={labelX}
        y={y + height / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2}
        textAnchor={payer ? 'end' : 'start'}
        dominantBaseline="central"
        fontSize={LABEL_FONT_SIZE}
        fill={PALETTE.ink}
        pointerEvents="none"
      >
        {lines.map((line, i) => (
          <tspan key={line} x={labelX} dy={i === 0 ? 0 : LINE_HEIGHT}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

function linkShape(details: Record<string, FlowLink>) {
  return function FlowLinkShape(props: LinkProps) {
    const { sourceX, targetX, sourceY, targetY, sourceControlX, targetControlX, linkWidth, payload } = props;
    const link = details[(payload as unknown as SankeyLinkDatum).cell];
    return (
      <path
        d={`M${sourceX},${sourceY}C${sourceControlX},${sourceY} ${targetControlX},${targetY} ${targetX},${targetY}`}
        fill="none"
        stroke={link?.colour ?? PALETTE.outside}
        strokeOpacity={0.55}
        strokeWidth={Math.max(linkWidth, 1)}
        cursor="pointer"
      />
    );
  };
}

function FlowTooltip({ item, details }: { item: unknown; details: Record<string, FlowLink> }) {
  if (!item || typeof item !== 'object') return null;
  if ('cell' in item) {
    const drawn = item as SankeyLinkDatum;
    const link = details[drawn.cell];
    if (!link) return null;
    return (
      <div className="chart-tooltip">
        <strong>{linkTitle(link)}</strong>
        {linkLines(link, drawn.value > link.value).map((line) => (
          <div key={line}>{line}</div>
        ))}
        {link.from !== null && <div className="muted">Click to list its flows</div>}
      </div>
    );
  }
  const node = item as SankeyNodeDatum;
  if (!node.lines) return null;
  return (
    <div className="chart-tooltip">
      <strong>
        {node.name}
        {node.layer && (node.side === 'payer' ? ' (paying)' : ' (earning)')}
      </strong>
      {node.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

/**
 * The Sankey of the stack: payers on the left, payees on the right, both in the given order (`sort={false}` and
 * `verticalAlign="top"`: no node moves). Links are coloured by the payer's layer; a click on one selects its cell.
 */
function FlowsSankeyPlot({ nodes, links, details, onSelect }: FlowsSankeyPlotProps) {
  return (
    <Sankey
      data={{ nodes, links }}
      sort={false}
      verticalAlign="top"
      nodePadding={NODE_PADDING}
      nodeWidth={NODE_WIDTH}
      iterations={0}
      margin={{ top: 8, right: LABEL_ROOM, bottom: 8, left: LABEL_ROOM }}
      node={FlowNode}
      link={linkShape(details)}
      onClick={(item, type) => {
        if (type !== 'link') return;
        const cell = (item as LinkProps).payload as unknown as SankeyLinkDatum;
        if (details[cell.cell]?.from) onSelect?.(cell.cell);
      }}
    >
      <Tooltip
        isAnimationActive={false}
        content={({ active, payload }) =>
          // The Sankey's tooltip entry wraps the hovered node or link: { payload: node | link, name, value }.
          active ? (
            <FlowTooltip item={(payload?.[0]?.payload as { payload?: unknown } | undefined)?.payload} details={details} />
          ) : null
        }
      />
    </Sankey>
  );
}

export default definePlot(FlowsSankeyPlot, { screenHeight: SANKEY_HEIGHT });
