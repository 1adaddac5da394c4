import type { FlowsAnswer } from '../analytics/query';
import type { ResolvedFilters } from '../domain/dashboard/filters';
import { LAYERS, layerLabel, type LayerKey } from '../domain/layers';
import { formatPercent, formatUsdMillions } from '../format';
import { flowsCoverage, flowsCoverages, flowsEmpty, flowsSubtitle, shareOfPool } from './flows';
import type { ChartFrame } from './frame';
import { LAYER_LEGEND } from './layers';
import { PALETTE } from './palette';

/**
 * The Sankey of the stack (docs/data-contract.md §9), shaped for Recharts' Sankey: on the left the end customers
 * and untracked payers and the layers as payers, on the right the layers as payees. A link is a matrix cell, or a
 * layer's external revenue from the left-hand "end customers" node, so a payee's height is its external revenue
 * plus its known inflows. Both columns run in stack order, application on top (the Sankey is drawn with
 * `sort={false}` and `verticalAlign="top"`, so nothing moves).
 */

export const END_CUSTOMERS = 'End customers and untracked payers';

/**
 * The thinnest link drawn, as a share of the taller column's total: a small flow beside the end customers' trillions
 * would otherwise be a hairline nobody can hover. Its tooltip and the tables keep its true value.
 */
export const MIN_LINK_SHARE = 0.006;

/** Application on top, as the dashboard's other charts stack the layers. */
const TOP_DOWN = [...LAYERS].reverse();

/** A link: a matrix cell (`from` a layer) or a layer's external revenue (`from` null: the end customers). */
export interface FlowLink {
  /** `external>chips`, `execution>chips`: what the matrix table's buttons and the flows list name. */
  key: string;
  from: LayerKey | null;
  to: LayerKey;
  /** True value, USD millions (external can be below 0 when the layer is inconsistent). */
  value: number;
  /** How many flows the cell sums; null for an external link. */
  flows: number | null;
  /** Of the payee layer's pool P(L); null when P(L) ≤ 0. */
  share: number | null;
  colour: string;
}

/** A node as Recharts takes it, with what the custom node and the tooltip show. */
export interface SankeyNodeDatum {
  name: string;
  side: 'payer' | 'payee';
  /** Null for the end customers. */
  layer: LayerKey | null;
  colour: string;
  /** What the node stands for, in USD millions: what it pays (left), or external + inflows (right). */
  total: number;
  /** The tooltip's lines under the name. */
  lines: string[];
}

/** A link as Recharts takes it: `value` is the drawn width's value (at least the minimum); `cell` is its details' key. */
export interface SankeyLinkDatum {
  source: number;
  target: number;
  value: number;
  cell: string;
}

export interface MatrixRow {
  /** The payer: END_CUSTOMERS or a layer's label. */
  payer: string;
  from: LayerKey | null;
  /** One cell per payee layer in TOP_DOWN order; null when no flow. */
  cells: (FlowLink | null)[];
  /** What the row pays in all: Σ of its cells. */
  total: number;
}

export interface FlowsMatrix {
  /** The payee layers' labels, in TOP_DOWN order. */
  columns: { key: LayerKey; label: string; pool: number }[];
  rows: MatrixRow[];
}

export type FlowsSankeyChart = ChartFrame & {
  nodes: SankeyNodeDatum[];
  links: SankeyLinkDatum[];
  /** Every link's details by key, including an inconsistent layer's external link (not drawn). */
  details: Record<string, FlowLink>;
  /** The layers whose known inflows exceed their pool: drawn with no external part, and named in a note. */
  inconsistent: string[];
  matrix: FlowsMatrix;
};

const labelOf = (key: LayerKey) => layerLabel(LAYERS.find((l) => l.key === key)!);
const nameOf = (key: LayerKey) => LAYERS.find((l) => l.key === key)!.name;
const colourOf = (key: LayerKey) => LAYERS.find((l) => l.key === key)!.colour;
const flowsText = (n: number) => `${n} ${n === 1 ? 'flow' : 'flows'}`;
/** Two sums of 6-decimal money are the same amount (the answer rounds each to 6 decimals). */
const same = (a: number, b: number) => Math.abs(a - b) < 1e-5;

/** Every link with its true value: the matrix cells, then each layer's external revenue. */
function linksOf(answer: FlowsAnswer): FlowLink[] {
  const pools = new Map(answer.layers.map((l) => [l.key, l.pool]));
  const cells = answer.matrix.map((m): FlowLink => ({
    key: `${m.from}>${m.to}`,
    from: m.from,
    to: m.to,
    value: m.value,
    flows: m.flows,
    share: shareOfPool(m.value, pools.get(m.to) ?? 0),
    colour: colourOf(m.from),
  }));
  const external = answer.layers
    .filter((l) => l.external !== 0)
    .map((l): FlowLink => ({
      key: `external>${l.key}`,
      from: null,
      to: l.key,
      value: l.external,
      flows: null,
      share: shareOfPool(l.external, l.pool),
      colour: PALETTE.outside,
    }));
  return [...cells, ...external];
}

/** A link's tooltip: who pays whom, how much, how many flows, and what share of the payee layer's pool. */
export function linkLines(link: FlowLink, drawnWider: boolean): string[] {
  const payee = nameOf(link.to);
  return [
    link.from === null
      ? `${formatUsdMillions(link.value)}: ${payee}'s pool less its known inflows`
      : `${formatUsdMillions(link.value)} · ${flowsText(link.flows ?? 0)}`,
    `${formatPercent(link.share)} of ${payee}'s revenue pool`,
    ...(link.from === null && link.value < 0 ? ['Known inflows exceed the pool: drawn at 0'] : []),
    ...(drawnWider ? ['Drawn wider than its value, so it stays visible'] : []),
  ];
}

/** A link's title: "5 Execution → 2 Chips". */
export const linkTitle = (link: FlowLink) => `${link.from === null ? END_CUSTOMERS : labelOf(link.from)} → ${labelOf(link.to)}`;

/** The Sankey of the stack for one year and set. */
export function flowsSankeyChart(answer: FlowsAnswer | undefined, filters: ResolvedFilters): FlowsSankeyChart {
  const all = answer ? linksOf(answer) : [];
  const details = Object.fromEntries(all.map((l) => [l.key, l]));
  const layers = new Map((answer?.layers ?? []).map((l) => [l.key, l]));
  // Drawn: the external links above 0 (an inconsistent layer's is drawn at 0, that is, not at all), then the cells,
  // so the coloured links between tracked companies lie on top of the wide grey ones.
  const drawnLinks = [...all.filter((l) => l.from === null), ...all.filter((l) => l.from !== null)].filter((l) => l.value > 0);
  const paid = (from: LayerKey | null) => drawnLinks.filter((l) => l.from === from).reduce((s, l) => s + l.value, 0);
  const received = (to: LayerKey) => drawnLinks.filter((l) => l.to === to).reduce((s, l) => s + l.value, 0);

  const nodes: SankeyNodeDatum[] = [];
  const indexOf = new Map<string, number>();
  const add = (id: string, node: SankeyNodeDatum) => {
    indexOf.set(id, nodes.length);
    nodes.push(node);
  };
  const external = paid(null);
  if (external > 0)
    add('external', {
      name: END_CUSTOMERS,
      side: 'payer',
      layer: null,
      colour: PALETTE.outside,
      total: external,
      lines: [`${formatUsdMillions(external)} of the stack's revenue not paid by a tracked company`],
    });
  for (const layer of TOP_DOWN) {
    const total = paid(layer.key);
    if (total <= 0) continue;
    const count = drawnLinks.filter((l) => l.from === layer.key).reduce((s, l) => s + (l.flows ?? 0), 0);
    add(`payer:${layer.key}`, {
      name: layerLabel(layer),
      side: 'payer',
      layer: layer.key,
      colour: layer.colour,
      total,
      lines: [`Pays ${formatUsdMillions(total)} to the stack in ${flowsText(count)}`],
    });
  }
  for (const layer of TOP_DOWN) {
    const total = received(layer.key);
    if (total <= 0) continue;
    add(`payee:${layer.key}`, {
      name: layerLabel(layer),
      side: 'payee',
      layer: layer.key,
      colour: layer.colour,
      total,
      lines: payeeLines(layers.get(layer.key)!, total, filters.year),
    });
  }

  const base = Math.max(
    nodes.filter((n) => n.side === 'payer').reduce((s, n) => s + n.total, 0),
    nodes.filter((n) => n.side === 'payee').reduce((s, n) => s + n.total, 0),
  );
  const least = base * MIN_LINK_SHARE;
  const links: SankeyLinkDatum[] = drawnLinks.map((l) => ({
    source: indexOf.get(l.from === null ? 'external' : `payer:${l.from}`)!,
    target: indexOf.get(`payee:${l.to}`)!,
    value: Math.max(l.value, least),
    cell: l.key,
  }));

  const inconsistent = (answer?.layers ?? []).filter((l) => l.inconsistent).map((l) => l.name);
  const inconsistentNote = inconsistent.length
    ? `${inconsistent.join(', ')}: known inflows exceed the layer's revenue pool, so ${
        inconsistent.length === 1 ? 'its' : 'their'
      } link from end customers is drawn at 0 (check those flows' layers and values).`
    : null;
  const noteWith = (trueValues: string) =>
    [
      `Left: who pays; right: who earns. A payee\u2019s height is its external revenue plus its known inflows. Thin links are drawn at a minimum width; ${trueValues} give true values.`,
      inconsistentNote,
    ]
      .filter(Boolean)
      .join(' ');
  // The card's note speaks of its tooltips and table; a memo's of its CSV.
  const note = noteWith('tooltips and the matrix');

  return {
    id: 'flows-sankey',
    title: `Who pays whom down the stack, ${filters.year}`,
    description:
      'Who pays whom down the stack: each layer\u2019s revenue from end customers and untracked payers, and the known flows between tracked companies, in USD.',
    coverage: answer ? flowsCoverage(answer) : undefined,
    coverageUnit: 'flows',
    estimated: answer?.estimated,
    empty: flowsEmpty(answer, filters.year),
    note,
    table: {
      columns: [
        { label: 'Payer', kind: 'text' },
        { label: 'Payee layer', kind: 'text' },
        { label: 'Value', kind: 'usdMillions' },
        { label: 'Flows', kind: 'count' },
        { label: "Share of the payee layer's pool", kind: 'ratio' },
      ],
      rows: all.map((l) => [l.from === null ? END_CUSTOMERS : nameOf(l.from), nameOf(l.to), l.value, l.flows, l.share]),
    },
    exportAs: {
      name: { chart: 'flows-sankey', metric: 'revenue', period: String(filters.year), basis: 'calendar', list: filters.list },
      subtitle: flowsSubtitle(filters, 'Revenue flows'),
      legend: [{ label: END_CUSTOMERS, colour: PALETTE.outside }, ...LAYER_LEGEND.slice().reverse()],
      note: noteWith('the CSV and the data slide'),
      coverages: flowsCoverages(answer),
    },
    nodes,
    links,
    details,
    inconsistent,
    matrix: matrixOf(answer, details),
  };
}

/** A payee's tooltip: its pool, external and inflows, and whether its height is its pool. */
function payeeLines(layer: FlowsAnswer['layers'][number], height: number, year: number): string[] {
  const lines = [
    `Revenue pool P(L): ${formatUsdMillions(layer.pool)}`,
    `From end customers and untracked payers: ${formatUsdMillions(Math.max(layer.external, 0))}`,
    `Known inflows from companies with revenue: ${formatUsdMillions(layer.inflow)}`,
  ];
  if (layer.inconsistent) lines.push(`Height ${formatUsdMillions(height)}: known inflows exceed P(L), so it is not P(L)`);
  else if (same(height, layer.pool)) lines.push('Height equals P(L)');
  else
    lines.push(
      `Height ${formatUsdMillions(height)}, not P(L): ${formatUsdMillions(height - layer.pool)} of its flows go to companies with no revenue for ${year}`,
    );
  return lines;
}

/** The same numbers as a layer × layer table: payers down (end customers first), payee layers across. */
function matrixOf(answer: FlowsAnswer | undefined, details: Record<string, FlowLink>): FlowsMatrix {
  const pools = new Map((answer?.layers ?? []).map((l) => [l.key, l.pool]));
  const columns = TOP_DOWN.map((l) => ({ key: l.key, label: layerLabel(l), pool: pools.get(l.key) ?? 0 }));
  const rowOf = (from: LayerKey | null, payer: string): MatrixRow => {
    const cells = TOP_DOWN.map((to) => details[`${from ?? 'external'}>${to.key}`] ?? null);
    return { payer, from, cells, total: cells.reduce((s, c) => s + (c ? c.value : 0), 0) };
  };
  return {
    columns,
    rows: [rowOf(null, END_CUSTOMERS), ...TOP_DOWN.map((l) => rowOf(l.key, layerLabel(l)))],
  };
}
