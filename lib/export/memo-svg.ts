import { PALETTE } from '../charts/palette';
import { CHART_SCALE, MEMO_SIZE, type Size } from './memo-size';
import { textWidth, wrapText } from './text-width';

/**
 * The memo image as one self-contained SVG: title, subtitle (the filters), legend, the chart's own drawing, a note
 * and the source line, on a white 16:9 canvas. Recharts draws its legend as HTML outside its <svg>, so the legend
 * is drawn here from the chart's entries rather than serialised from the page; the same function lays out the
 * picture for a slide, which carries the title and source line as slide text instead.
 */

export interface LegendEntry {
  label: string;
  colour: string;
  /** A filled square (bars, areas), a line, or a dashed line (a threshold). Default: box. */
  mark?: 'box' | 'line' | 'dashed';
}

export interface MemoText {
  title: string;
  subtitle: string;
  legend: readonly LegendEntry[];
  /** Context the chart must not travel without (e.g. that stack totals are gross); null when there is none. */
  note: string | null;
  footer: string;
  /** The firm's logo, drawn at the right of the source line; none without one. */
  logo?: MemoLogo | null;
}

/** A logo as an export embeds it: a PNG or JPEG data URL and its size in pixels. */
export interface MemoLogo {
  dataUrl: string;
  width: number;
  height: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface TextStyle {
  fontSize: number;
  lineHeight: number;
  colour: string;
  bold?: boolean;
  maxLines: number;
}

interface TextBlock {
  lines: string[];
  /** The top of the first line. */
  top: number;
  style: TextStyle;
}

interface PlacedLegendEntry {
  entry: LegendEntry;
  x: number;
  /** The vertical centre of the entry's row. */
  y: number;
}

export interface MemoLayout {
  size: Size;
  title: TextBlock | null;
  subtitle: TextBlock | null;
  legend: PlacedLegendEntry[];
  chart: Box;
  note: TextBlock | null;
  /** The rule above the source line. */
  rule: number | null;
  footer: TextBlock | null;
  /** Where the firm's logo sits, at the right of the source line. */
  logo: Box | null;
}

/** Arial first: the estimates of text-width.ts assume its metrics, and Liberation Sans and Helvetica share them. */
export const MEMO_FONT_STACK = "Arial, 'Liberation Sans', 'Helvetica Neue', Helvetica, sans-serif";

const PAD_X = 64;
const PAD_TOP = 48;
const PAD_BOTTOM = 36;
const CONTENT_WIDTH = MEMO_SIZE.width - 2 * PAD_X;
const TITLE: TextStyle = { fontSize: 40, lineHeight: 50, colour: PALETTE.ink, bold: true, maxLines: 2 };
const SUBTITLE: TextStyle = { fontSize: 24, lineHeight: 32, colour: PALETTE.axisLabel, maxLines: 2 };
const NOTE: TextStyle = { fontSize: 19, lineHeight: 26, colour: PALETTE.axisLabel, maxLines: 3 };
const FOOTER: TextStyle = { fontSize: 19, lineHeight: 26, colour: PALETTE.axisLabel, maxLines: 2 };
const LEGEND = { fontSize: 22, rowHeight: 36, swatch: 20, line: 32, gap: 10, itemGap: 36, colour: PALETTE.ink };
const GAP = { afterTitle: 4, beforeLegend: 14, beforeChart: 18, afterChart: 16, aboveRule: 12, belowRule: 10 };
/** The logo's box in the footer: as tall as the source line's two lines, at most a quarter of the width wide. */
const LOGO = { height: 2 * FOOTER.lineHeight, maxWidth: 400, gap: 24 };

/** The logo scaled to fit LOGO's box at its own aspect ratio. */
function logoSize({ width, height }: MemoLogo): Size {
  const scale = Math.min(LOGO.height / height, LOGO.maxWidth / width);
  return { width: round(width * scale), height: round(height * scale) };
}

function block(text: string, top: number, style: TextStyle): TextBlock {
  return { lines: wrapText(text, CONTENT_WIDTH, style.fontSize, { bold: style.bold, maxLines: style.maxLines }), top, style };
}

const blockHeight = (b: TextBlock | null) => (b ? b.lines.length * b.style.lineHeight : 0);

const markWidth = (entry: LegendEntry) => (entry.mark === 'line' || entry.mark === 'dashed' ? LEGEND.line : LEGEND.swatch);

/** Legend entries left to right, wrapping into rows as wide as the content; `top` is the top of the first row. */
function placeLegend(entries: readonly LegendEntry[], top: number): { placed: PlacedLegendEntry[]; height: number } {
  const placed: PlacedLegendEntry[] = [];
  let x = PAD_X;
  let row = 0;
  for (const entry of entries) {
    const width = markWidth(entry) + LEGEND.gap + textWidth(entry.label, LEGEND.fontSize);
    if (x > PAD_X && x + width > PAD_X + CONTENT_WIDTH) {
      row++;
      x = PAD_X;
    }
    placed.push({ entry, x, y: top + row * LEGEND.rowHeight + LEGEND.rowHeight / 2 });
    x += width + LEGEND.itemGap;
  }
  return { placed, height: entries.length ? (row + 1) * LEGEND.rowHeight : 0 };
}

/** The full memo canvas: title and subtitle on top, legend, the chart filling what is left, note and source line below. */
export function layoutMemo(text: MemoText): MemoLayout {
  const title = block(text.title, PAD_TOP, TITLE);
  const subtitle = block(text.subtitle, title.top + blockHeight(title) + GAP.afterTitle, SUBTITLE);
  let top = subtitle.top + blockHeight(subtitle);
  const legend = placeLegend(text.legend, top + GAP.beforeLegend);
  if (legend.height) top += GAP.beforeLegend + legend.height;
  const chartTop = top + GAP.beforeChart;

  const logo = text.logo ? logoSize(text.logo) : null;
  const footerWidth = CONTENT_WIDTH - (logo ? logo.width + LOGO.gap : 0);
  const footerLines = wrapText(text.footer, footerWidth, FOOTER.fontSize, { maxLines: FOOTER.maxLines });
  const footerHeight = Math.max(footerLines.length * FOOTER.lineHeight, logo?.height ?? 0);
  const footer: TextBlock = {
    lines: footerLines,
    top: MEMO_SIZE.height - PAD_BOTTOM - footerHeight,
    style: FOOTER,
  };
  const rule = footer.top - GAP.belowRule;
  const noteLines = text.note ? wrapText(text.note, CONTENT_WIDTH, NOTE.fontSize, { maxLines: NOTE.maxLines }) : [];
  const note: TextBlock | null = noteLines.length
    ? { lines: noteLines, top: rule - GAP.aboveRule - noteLines.length * NOTE.lineHeight, style: NOTE }
    : null;
  const chartBottom = (note ? note.top : rule) - GAP.afterChart;
  return {
    size: MEMO_SIZE,
    title,
    subtitle,
    legend: legend.placed,
    chart: { x: PAD_X, y: chartTop, width: CONTENT_WIDTH, height: chartBottom - chartTop },
    note,
    rule,
    footer,
    logo: logo && { x: MEMO_SIZE.width - PAD_X - logo.width, y: footer.top, ...logo },
  };
}

/**
 * The picture for a slide, whose title and source line are slide text: legend, the chart at the size it has in the
 * memo (so one drawing of the chart serves both) and the note, as tall as they need.
 */
export function layoutSlideImage(text: MemoText, chart: Size): MemoLayout {
  const legend = placeLegend(text.legend, PAD_TOP / 2);
  const chartTop = PAD_TOP / 2 + legend.height + (legend.height ? GAP.beforeChart : 0);
  const note = text.note ? block(text.note, chartTop + chart.height + GAP.afterChart, NOTE) : null;
  const bottom = (note ? note.top + blockHeight(note) : chartTop + chart.height) + PAD_TOP / 2;
  return {
    size: { width: MEMO_SIZE.width, height: Math.ceil(bottom) },
    title: null,
    subtitle: null,
    legend: legend.placed,
    chart: { x: PAD_X, y: chartTop, width: chart.width, height: chart.height },
    note,
    rule: null,
    footer: null,
    logo: null,
  };
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** Lines as one <text> each, the baseline placed so the capitals sit in the middle of the line box. */
function textMarkup(b: TextBlock | null): string {
  if (!b) return '';
  const { fontSize, lineHeight, colour, bold } = b.style;
  const baseline = (i: number) => round(b.top + i * lineHeight + (lineHeight + fontSize * 0.7) / 2);
  return b.lines
    .map(
      (line, i) =>
        `<text x="${PAD_X}" y="${baseline(i)}" font-size="${fontSize}"${bold ? ' font-weight="700"' : ''} fill="${colour}">${escapeXml(line)}</text>`,
    )
    .join('\n');
}

function legendMarkup({ entry, x, y }: PlacedLegendEntry): string {
  const colour = escapeXml(entry.colour);
  const mark =
    entry.mark === 'line' || entry.mark === 'dashed'
      ? `<line x1="${x}" y1="${y}" x2="${x + LEGEND.line}" y2="${y}" stroke="${colour}" stroke-width="${entry.mark === 'line' ? 4 : 3}"${entry.mark === 'dashed' ? ' stroke-dasharray="7 5"' : ''}/>`
      : `<rect x="${x}" y="${y - LEGEND.swatch / 2}" width="${LEGEND.swatch}" height="${LEGEND.swatch}" rx="3" fill="${colour}"/>`;
  const label = `<text x="${round(x + markWidth(entry) + LEGEND.gap)}" y="${round(y + LEGEND.fontSize * 0.35)}" font-size="${LEGEND.fontSize}" fill="${LEGEND.colour}">${escapeXml(entry.label)}</text>`;
  return mark + label;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The SVG document: `chartMarkup` is the chart's own drawing (the children of its <svg>, made portable by the
 * browser side), drawn at 1/CHART_SCALE of its box and scaled up here as a vector.
 */
export function composeSvg(layout: MemoLayout, text: MemoText, chartMarkup: string): string {
  const { width, height } = layout.size;
  const { chart } = layout;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${MEMO_FONT_STACK}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="${PALETTE.white}"/>`,
    textMarkup(layout.title),
    textMarkup(layout.subtitle),
    ...layout.legend.map(legendMarkup),
    `<g transform="translate(${chart.x} ${chart.y}) scale(${CHART_SCALE})">${chartMarkup}</g>`,
    textMarkup(layout.note),
    layout.rule === null
      ? ''
      : `<line x1="${PAD_X}" y1="${layout.rule}" x2="${width - PAD_X}" y2="${layout.rule}" stroke="${PALETTE.rule}" stroke-width="1.5"/>`,
    textMarkup(layout.footer),
    layout.logo && text.logo
      ? `<image href="${escapeXml(text.logo.dataUrl)}" x="${layout.logo.x}" y="${layout.logo.y}" width="${layout.logo.width}" height="${layout.logo.height}"/>`
      : '',
    '</svg>\n',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
