'use client';

import { useState, type PointerEvent } from 'react';
import { linkLines, linkTitle, type FlowLink, type SankeyLinkDatum, type SankeyNodeDatum } from '@/lib/charts/flows-sankey';
import { PALETTE } from '@/lib/charts/palette';
import { sankeyLayout, type PlacedLink, type PlacedNode } from '@/lib/charts/sankey-layout';
import { formatUsdMillions } from '@/lib/format';
import { SANKEY_HEIGHT } from '../chart-style';
import { PLOT_SURFACE_CLASS } from '../plot-surface';
import { useDrawingSize } from './drawing-size';

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
const MARGIN = { top: 8, right: LABEL_ROOM, bottom: 8, left: LABEL_ROOM };
const LINK_OPACITY = 0.55;
const HOVERED_LINK_OPACITY = 0.8;
/** How far the tooltip sits from the pointer. */
const TOOLTIP_GAP = 14;

/** What the pointer is on, by its index in `of` (the nodes or links drawn then), and where, in the frame. */
type Hovered = { kind: 'node' | 'link'; index: number; of: readonly unknown[]; x: number; y: number };

/**
 * A node and its label: payers' labels to the left of the column, payees' to the right. The end customers' long name
 * takes two lines.
 */
function FlowNode({ node, box, onHover }: { node: SankeyNodeDatum; box: PlacedNode; onHover: (e: PointerEvent) => void }) {
  const payer = node.side === 'payer';
  const value = formatUsdMillions(node.total);
  const lines =
    node.layer === null ? [END_CUSTOMERS_LINES[0], `${END_CUSTOMERS_LINES[1]} · ${value}`] : [`${node.name} · ${value}`];
  const labelX = payer ? box.x - 6 : box.x + box.width + 6;
  return (
    <g className="sankey-node">
      <rect
        x={box.x}
        y={box.y}
        width={box.width}
        height={Math.max(box.height, 1)}
        fill={node.colour}
        stroke={PALETTE.white}
        strokeWidth={0.5}
        onPointerMove={onHover}
      />
      <text
        x={labelX}
        y={box.y + box.height / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2}
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

function FlowTooltip({ node, link, drawn }: { node?: SankeyNodeDatum; link?: FlowLink; drawn?: SankeyLinkDatum }) {
  if (link && drawn)
    return (
      <>
        <strong>{linkTitle(link)}</strong>
        {linkLines(link, drawn.value > link.value).map((line) => (
          <div key={line}>{line}</div>
        ))}
        {link.from !== null && <div className="muted">Click to list its flows</div>}
      </>
    );
  if (!node?.lines) return null;
  return (
    <>
      <strong>
        {node.name}
        {node.layer && (node.side === 'payer' ? ' (paying)' : ' (earning)')}
      </strong>
      {node.lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </>
  );
}

/** The tooltip beside the pointer, on the side of it with more room. */
function tooltipStyle({ x, y }: Hovered, width: number, height: number) {
  const right = x > width / 2;
  const below = y > height / 2;
  return {
    position: 'absolute' as const,
    left: right ? x - TOOLTIP_GAP : x + TOOLTIP_GAP,
    top: below ? y - TOOLTIP_GAP : y + TOOLTIP_GAP,
    transform: `translate(${right ? '-100%' : '0'}, ${below ? '-100%' : '0'})`,
    pointerEvents: 'none' as const,
    whiteSpace: 'nowrap' as const,
    zIndex: 1,
  };
}

/**
 * The Sankey of the stack, drawn in plain SVG (lib/charts/sankey-layout.ts): payers on the left, payees on the
 * right, both in the given order. Links are coloured by the payer's layer; hovering a node or link shows its
 * tooltip, and a click on a link between layers selects its cell. It is the dashboard's first chart, so it draws
 * without Recharts: the first screen loads no charting library.
 */
function FlowsSankeyPlot({ nodes, links, details, onSelect }: FlowsSankeyPlotProps) {
  const { ref, width, height } = useDrawingSize(SANKEY_HEIGHT);
  const [pointed, setPointed] = useState<Hovered | null>(null);
  // A pointer left resting on the chart while its numbers change points at nothing until it moves.
  const hovered = pointed && pointed.of === (pointed.kind === 'node' ? nodes : links) ? pointed : null;
  const layout =
    width > 0
      ? sankeyLayout(nodes, links, { width, height, margin: MARGIN, nodeWidth: NODE_WIDTH, nodePadding: NODE_PADDING })
      : null;
  const hover = (kind: Hovered['kind'], index: number) => (event: PointerEvent) => {
    const frame = (event.currentTarget as SVGElement).ownerSVGElement!.getBoundingClientRect();
    setPointed({ kind, index, of: kind === 'node' ? nodes : links, x: event.clientX - frame.left, y: event.clientY - frame.top });
  };
  const hoveredLink = hovered?.kind === 'link' ? links[hovered.index] : undefined;
  return (
    <div ref={ref} style={{ position: 'relative', width: '100%', height }}>
      {layout && (
        <svg
          className={PLOT_SURFACE_CLASS}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          // Out of the flow, so the drawing never holds its frame wider than the card: the frame's width decides.
          style={{ position: 'absolute', inset: 0 }}
          role="img"
          aria-label="Who pays whom, layer to layer: the same numbers are in the table under the chart"
          onPointerLeave={() => setPointed(null)}
        >
          <g className="sankey-links">
            {links.map((link, i) => (
              <FlowLinkPath
                key={link.cell}
                path={layout.links[i]!}
                detail={details[link.cell]}
                hovered={hovered?.kind === 'link' && hovered.index === i}
                onHover={hover('link', i)}
                onSelect={onSelect}
                cell={link.cell}
              />
            ))}
          </g>
          <g className="sankey-nodes">
            {nodes.map((node, i) => (
              <FlowNode key={`${node.side}:${node.name}`} node={node} box={layout.nodes[i]!} onHover={hover('node', i)} />
            ))}
          </g>
        </svg>
      )}
      {hovered && (
        <div className="chart-tooltip" style={tooltipStyle(hovered, width, height)}>
          <FlowTooltip
            node={hovered.kind === 'node' ? nodes[hovered.index] : undefined}
            drawn={hoveredLink}
            link={hoveredLink && details[hoveredLink.cell]}
          />
        </div>
      )}
    </div>
  );
}

function FlowLinkPath({
  path,
  detail,
  hovered,
  cell,
  onHover,
  onSelect,
}: {
  path: PlacedLink;
  detail: FlowLink | undefined;
  hovered: boolean;
  cell: string;
  onHover: (e: PointerEvent) => void;
  onSelect?: (cell: string) => void;
}) {
  // A link between two layers lists its flows on a click; the end customers' links have no flows behind them.
  const selectable = Boolean(detail?.from) && onSelect !== undefined;
  return (
    <path
      className="sankey-link"
      d={path.d}
      fill="none"
      stroke={detail?.colour ?? PALETTE.outside}
      strokeOpacity={hovered ? HOVERED_LINK_OPACITY : LINK_OPACITY}
      strokeWidth={Math.max(path.width, 1)}
      cursor={selectable ? 'pointer' : undefined}
      onPointerMove={onHover}
      onClick={selectable ? () => onSelect?.(cell) : undefined}
    />
  );
}

export default FlowsSankeyPlot;
