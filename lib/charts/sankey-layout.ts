/**
 * Where a two-column Sankey's nodes and links go: payers in the left column, payees in the right, each column in the
 * given order from the top (nothing is sorted or moved), node heights proportional to their values on one scale for
 * both columns, so the fuller column fills the height. A link leaves its payer and enters its payee stacked in the
 * order of the node at its other end, so links do not cross at either column.
 *
 * The geometry is Recharts' Sankey's with `sort={false}`, `verticalAlign="top"`, `iterations={0}` and its default
 * curvature, which drew this chart before; a test holds the two equal. The dashboard draws the Sankey with it in
 * plain SVG, so its first screen needs no charting library.
 */

export interface SankeyLayoutNode {
  side: 'payer' | 'payee';
}

export interface SankeyLayoutLink {
  /** Indexes into the nodes. */
  source: number;
  target: number;
  /** The drawn value (> 0). */
  value: number;
}

export interface SankeyBox {
  /** Outer size of the drawing, margins included. */
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  nodeWidth: number;
  /** Room between two nodes of a column. */
  nodePadding: number;
}

export interface PlacedNode {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedLink {
  sourceX: number;
  targetX: number;
  /** The middle of the link's band where it leaves the payer and enters the payee. */
  sourceY: number;
  targetY: number;
  /** The band's thickness. */
  width: number;
  /** The band's centre line: a cubic curve with both control points half-way across. */
  d: string;
}

export interface SankeyLayout {
  nodes: PlacedNode[];
  links: PlacedLink[];
}

/** A node's value: the larger of what enters it and what leaves it. */
function nodeValues(nodeCount: number, links: readonly SankeyLayoutLink[]): number[] {
  const into = new Array<number>(nodeCount).fill(0);
  const out = new Array<number>(nodeCount).fill(0);
  for (const link of links) {
    out[link.source]! += link.value;
    into[link.target]! += link.value;
  }
  return into.map((value, i) => Math.max(value, out[i]!));
}

export function sankeyLayout(
  nodes: readonly SankeyLayoutNode[],
  links: readonly SankeyLayoutLink[],
  box: SankeyBox,
): SankeyLayout {
  const { margin, nodeWidth, nodePadding } = box;
  const width = box.width - margin.left - margin.right;
  const height = box.height - margin.top - margin.bottom;
  const values = nodeValues(nodes.length, links);
  const columns = (['payer', 'payee'] as const).map((side) => nodes.flatMap((node, i) => (node.side === side ? [i] : [])));

  // One scale for both columns: the one at which the fuller column, with its paddings, fills the height.
  const scales = columns
    .filter((column) => column.length > 0)
    .map((column) => {
      const total = column.reduce((sum, i) => sum + values[i]!, 0);
      return total === 0 ? Infinity : (height - (column.length - 1) * nodePadding) / total;
    });
  const least = Math.min(...scales);
  const scale = least === Infinity ? 0 : least;

  const placed: PlacedNode[] = nodes.map(() => ({ x: 0, y: 0, width: nodeWidth, height: 0 }));
  columns.forEach((column, depth) => {
    let y = 0;
    for (const i of column) {
      const node = placed[i]!;
      node.x = depth === 0 ? 0 : width - nodeWidth;
      node.y = y;
      node.height = values[i]! * scale;
      y += node.height + nodePadding;
    }
  });

  // Each node's links, in the order of the node at their other end (ties keep the links' order), stacked from its top.
  const offsets = new Map<number, { source: number; target: number }>();
  const stack = (ends: (link: SankeyLayoutLink) => [own: number, other: number], key: 'source' | 'target') => {
    const byNode = new Map<number, number[]>();
    links.forEach((link, i) => {
      const [own] = ends(link);
      const ids = byNode.get(own);
      if (ids) ids.push(i);
      else byNode.set(own, [i]);
    });
    for (const ids of byNode.values()) {
      ids.sort((a, b) => placed[ends(links[a]!)[1]]!.y - placed[ends(links[b]!)[1]]!.y);
      let offset = 0;
      for (const id of ids) {
        const entry = offsets.get(id) ?? { source: 0, target: 0 };
        entry[key] = offset;
        offsets.set(id, entry);
        offset += links[id]!.value * scale;
      }
    }
  };
  stack((link) => [link.source, link.target], 'source');
  stack((link) => [link.target, link.source], 'target');

  return {
    nodes: placed.map((node) => ({ ...node, x: node.x + margin.left, y: node.y + margin.top })),
    links: links.map((link, i) => {
      const source = placed[link.source]!;
      const target = placed[link.target]!;
      const band = link.value * scale;
      const offset = offsets.get(i)!;
      const sourceX = source.x + source.width + margin.left;
      const targetX = target.x + margin.left;
      const sourceY = source.y + offset.source + band / 2 + margin.top;
      const targetY = target.y + offset.target + band / 2 + margin.top;
      const middle = (sourceX + targetX) / 2;
      return {
        sourceX,
        targetX,
        sourceY,
        targetY,
        width: band,
        d: `M${sourceX},${sourceY}C${middle},${sourceY} ${middle},${targetY} ${targetX},${targetY}`,
      };
    }),
  };
}
