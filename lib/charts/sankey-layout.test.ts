import fc from 'fast-check';
// Recharts' own Sankey layout, which drew the chart before: the test's reference, not the app's code.
import { computeData } from 'recharts/lib/chart/Sankey';
import { describe, expect, it } from 'vitest';
import { sankeyLayout, type SankeyBox, type SankeyLayoutLink, type SankeyLayoutNode } from './sankey-layout';

const BOX: SankeyBox = {
  width: 500,
  height: 250,
  margin: { top: 8, right: 100, bottom: 2, left: 100 },
  nodeWidth: 14,
  nodePadding: 18,
};

describe('sankeyLayout', () => {
  it('places the columns, scales both by the fuller one and stacks links by the other end', () => {
    // Payers: A pays 300 to X and 100 to Y; B pays 100 to X. Payees: X 400, Y 100. Height 240 inside the margins;
    // payers fill (240 − 18) / 500, payees (240 − 18) / 500 too: 0.444 px per unit.
    const nodes: SankeyLayoutNode[] = [{ side: 'payer' }, { side: 'payer' }, { side: 'payee' }, { side: 'payee' }];
    const links: SankeyLayoutLink[] = [
      { source: 0, target: 3, value: 100 },
      { source: 0, target: 2, value: 300 },
      { source: 1, target: 2, value: 100 },
    ];
    const { nodes: placed, links: drawn } = sankeyLayout(nodes, links, BOX);
    const k = 222 / 500;
    expect(placed[0]).toEqual({ x: 100, y: 8, width: 14, height: 400 * k });
    expect(placed[1]!.y).toBeCloseTo(8 + 400 * k + 18, 9);
    expect(placed[2]).toEqual({ x: 500 - 100 - 14, y: 8, width: 14, height: 400 * k });
    expect(placed[3]!.y).toBeCloseTo(8 + 400 * k + 18, 9);
    // A's link to X (the upper payee) leaves from A's top, its link to Y below it, though Y's link came first.
    expect(drawn[1]!.sourceY).toBeCloseTo(8 + (300 * k) / 2, 9);
    expect(drawn[0]!.sourceY).toBeCloseTo(8 + 300 * k + (100 * k) / 2, 9);
    // Into X: A's band above B's.
    expect(drawn[1]!.targetY).toBeCloseTo(8 + (300 * k) / 2, 9);
    expect(drawn[2]!.targetY).toBeCloseTo(8 + 300 * k + (100 * k) / 2, 9);
    expect(drawn[2]!.width).toBeCloseTo(100 * k, 9);
    expect(drawn[2]!.d).toBe(
      `M114,${drawn[2]!.sourceY}C250,${drawn[2]!.sourceY} 250,${drawn[2]!.targetY} 386,${drawn[2]!.targetY}`,
    );
  });

  it('never draws below the box', () => {
    const nodes: SankeyLayoutNode[] = [{ side: 'payer' }, { side: 'payer' }, { side: 'payer' }, { side: 'payee' }];
    const links = [0, 1, 2].map((source) => ({ source, target: 3, value: 10 ** source }));
    const { nodes: placed } = sankeyLayout(nodes, links, BOX);
    const bottom = Math.max(...placed.map((n) => n.y + n.height));
    expect(bottom).toBeCloseTo(BOX.height - BOX.margin.bottom, 9);
  });

  it('is the layout Recharts gave the same chart (sort off, top-aligned, no relaxation)', () => {
    const chart = fc
      .record({ payers: fc.integer({ min: 1, max: 7 }), payees: fc.integer({ min: 1, max: 6 }) })
      .chain(({ payers, payees }) =>
        fc.record({
          payers: fc.constant(payers),
          payees: fc.constant(payees),
          links: fc.uniqueArray(
            fc.record({
              source: fc.integer({ min: 0, max: payers - 1 }),
              target: fc.integer({ min: payers, max: payers + payees - 1 }),
              value: fc.double({ min: 0.01, max: 1e7, noNaN: true }),
            }),
            { minLength: 1, maxLength: 30, selector: (l) => `${l.source}>${l.target}` },
          ),
          width: fc.integer({ min: 300, max: 1600 }),
        }),
      );
    fc.assert(
      fc.property(chart, ({ payers, payees, links, width }) => {
        // Every node has a link, as in the app's chart (a node is added only for a layer that pays or earns).
        const used = new Set(links.flatMap((l) => [l.source, l.target]));
        fc.pre(used.size === payers + payees);
        const nodes = [
          ...Array.from({ length: payers }, () => ({ side: 'payer' as const })),
          ...Array.from({ length: payees }, () => ({ side: 'payee' as const })),
        ];
        const box = { ...BOX, width };
        const ours = sankeyLayout(nodes, links, box);
        const theirs = computeData({
          data: { nodes: nodes.map(() => ({})), links },
          width: width - box.margin.left - box.margin.right,
          height: box.height - box.margin.top - box.margin.bottom,
          iterations: 0,
          nodeWidth: box.nodeWidth,
          nodePadding: box.nodePadding,
          sort: false,
          verticalAlign: 'top',
          align: 'justify',
        });
        theirs.nodes.forEach((node, i) => {
          const mine = ours.nodes[i]!;
          expect(mine.x).toBeCloseTo(node.x + box.margin.left, 6);
          expect(mine.y).toBeCloseTo(node.y + box.margin.top, 6);
          expect(mine.height).toBeCloseTo(node.dy, 6);
        });
        theirs.links.forEach((link, i) => {
          const mine = ours.links[i]!;
          const source = theirs.nodes[link.source]!;
          const target = theirs.nodes[link.target]!;
          expect(mine.width).toBeCloseTo(link.dy, 6);
          expect(mine.sourceY).toBeCloseTo(source.y + link.sy + link.dy / 2 + box.margin.top, 6);
          expect(mine.targetY).toBeCloseTo(target.y + link.ty + link.dy / 2 + box.margin.top, 6);
          expect(mine.sourceX).toBeCloseTo(source.x + source.dx + box.margin.left, 6);
          expect(mine.targetX).toBeCloseTo(target.x + box.margin.left, 6);
        });
      }),
      { numRuns: 300 },
    );
  });
});
