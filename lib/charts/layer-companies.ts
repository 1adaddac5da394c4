import type { LayerDetailAnswer } from '../analytics/query';
import type { DashboardFilters } from '../domain/dashboard/filters';
import { METRIC_LABELS, METRIC_NAMES } from '../domain/figures/types';
import { profileLabel } from '../domain/profiles';
import { filtersSubtitle } from './export-text';
import type { ChartFrame } from './frame';
import { PALETTE } from './palette';
import { textOn, tint } from './shades';
import { treemapTiles, type Tile } from './treemap-tiles';

/** The most tiles drawn; the smallest companies beyond them become one "Others" tile. */
const MAX_TILES = 40;
/** The palest shade a company tile gets: the layer colour at 40%. */
const PALEST = 0.6;

/** A tile with its fill (a shade of the layer colour, largest darkest) and the text colour that reads on it. */
export type ShadedTile = Tile & { fill: string; text: string };

export type LayerCompaniesChart = ChartFrame & { tiles: ShadedTile[] };

const sentences = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

/** The layer's companies as tiles sized by attributed value, in shades of `colour` (the layer's). */
export function layerCompaniesChart(answer: LayerDetailAnswer, filters: DashboardFilters, colour: string): LayerCompaniesChart {
  const { name, year, companies } = answer;
  const metric = METRIC_LABELS[answer.metric];
  const { tiles, notDrawn } = treemapTiles(companies, MAX_TILES);
  const folded = tiles.find((t) => t.id === null);
  const notDrawnNote =
    notDrawn > 0 &&
    `${notDrawn} ${notDrawn === 1 ? 'company has' : 'companies have'} a zero or negative value and ${notDrawn === 1 ? 'is' : 'are'} not drawn: only positive values have an area.`;
  const foldedNote = folded && `The ${folded.count} smallest companies are folded into “Others”.`;
  // Which exposure profile each company's share came from, when any company's is not its base (docs/data-contract.md §2).
  const profileOf = new Map(companies.flatMap((c) => (c.profile ? [[c.id, profileLabel(c.profile)] as const] : [])));
  const profileColumn = profileOf.size > 0;
  return {
    id: 'layer-treemap',
    title: `${name} companies by attributed ${metric}, ${year}`,
    description: `Each tile is a company's ${metric} in ${name} (its ${metric} times its share in this layer), sized by value.`,
    coverage: answer.coverage,
    estimated: answer.estimated,
    empty:
      companies.length === 0
        ? `No company of ${name} has ${metric} for ${year}. Tag companies to this layer or add figures.`
        : tiles.length === 0
          ? `No company of ${name} has a positive ${metric} for ${year}, and a tile needs a positive area. The table below lists them.`
          : null,
    note: sentences(notDrawnNote, notDrawnNote && 'The table lists every company.', foldedNote),
    table: {
      columns: [
        { label: 'Company', kind: 'text' },
        { label: `Attributed ${metric}`, kind: 'usdMillions' },
        { label: 'Share of layer', kind: 'ratio' },
        ...(profileColumn ? [{ label: 'Exposure profile', kind: 'text' as const }] : []),
      ],
      rows: tiles.map((t) => [
        t.name,
        t.value,
        t.shareOfLayer,
        ...(profileColumn ? [t.id === null ? '' : (profileOf.get(t.id) ?? 'Base (all metrics, from the beginning)')] : []),
      ]),
    },
    exportAs: {
      name: {
        chart: `layer-${answer.key}-companies`,
        metric: answer.metric,
        period: String(year),
        basis: answer.basis,
        list: filters.list,
      },
      subtitle: filtersSubtitle(
        { ...filters, basis: answer.basis },
        { measure: `${METRIC_NAMES[answer.metric]} attributed to ${name}`, period: String(year) },
      ),
      note: sentences(notDrawnNote, foldedNote),
    },
    tiles: tiles.map((t, rank) => {
      const fill = t.id === null ? PALETTE.greyed : tint(colour, (rank / Math.max(1, tiles.length - 1)) * PALEST);
      return { ...t, fill, text: textOn(fill) };
    }),
  };
}
