import { layerOf, type LayerKey } from '../domain/layers';

/**
 * Every colour the charts and their exports draw with, besides the layer colours (whose one source is LAYERS).
 * Literals, not CSS variables: an exported SVG, PNG or slide carries its colours with it.
 */
export const PALETTE = {
  /** Titles, strong text and dark marks (the gap line). */
  ink: '#1b1f27',
  /** Text on a light mark; the page's text colour. */
  text: '#1a1f2b',
  /** Axis ticks and labels beside a mark. */
  axisTick: '#3b4252',
  /** Axis titles, subtitles, notes and source lines: dark enough on a slide (Recharts' grey is below 4.5:1). */
  axisLabel: '#4c566a',
  grid: '#e6e9ef',
  /** The rule above a memo's source line and a slide table's borders. */
  rule: '#d8dce3',
  /** The background, the gaps between a bar's segments or a treemap's tiles, and the halo behind a label. */
  white: '#ffffff',
  /** A layer under 80% coverage, and the "Others" of a treemap: too partial to compare. */
  greyed: '#c4c9d2',
  /** The part of a company outside the AI stack. */
  outside: '#b8bfcb',
  /** Where a bar cannot be drawn, and a slide table's header. */
  placeholder: '#eef0f4',
  /** A zero line or a threshold. */
  reference: '#8a93a3',
  /** A fainter zero line, under bars of one colour. */
  referenceFaint: '#9aa3b2',
  referenceLabel: '#5b6475',
  /** A threshold that is a warning (highly concentrated), and its label. */
  highlight: '#b5473a',
  highlightText: '#8c2f24',
  /** The hover band behind the bars under the pointer. */
  cursor: 'rgba(0,0,0,0.04)',
} as const;

/** A layer's colour, from LAYERS. */
export function layerColour(key: LayerKey): string {
  return layerOf(key).colour;
}
