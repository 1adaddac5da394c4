import PptxGenJS from 'pptxgenjs';
import type { FirmMark } from '../firm/schema';
import { PALETTE } from '../charts/palette';
import { toBase64 } from './base64';
import type { Size } from './memo-size';
import { coverageText, SOURCE_LINE, type LabelledCoverage } from './memo-text';
import type { NativeChart } from './native-chart';
import { addNativeChart, FONT, pptxColour } from './pptx-chart';
import { displayCell, displayHeader, type ChartTable } from './table';
import { paginateTables, type TableSegment } from './table-pages';

/** One chart of the memo pack: its slide and its table on the data slides. */
export interface PackChart {
  title: string;
  subtitle: string;
  footer: string;
  /**
   * The slide's picture (legend, chart, note: the title and source line are slide text) and its size in CSS px, made
   * only for a chart drawn as a picture: rasterising one PowerPoint draws itself would be wasted work.
   */
  image: () => Promise<{ png: Uint8Array; size: Size }>;
  /** The note under a native chart (the picture has it drawn in). */
  note: string | null;
  /** The chart as PowerPoint can draw it; none when only the picture shows everything. */
  native?: NativeChart;
  table: ChartTable;
  coverages: readonly LabelledCoverage[];
}

/** How the pack draws a chart that PowerPoint can draw itself: as PowerPoint's chart, editable, or as its picture. */
export type PackDrawing = 'editable' | 'pictures';

/** LAYOUT_WIDE: 13.33 × 7.5 inches, 16:9. */
const SLIDE = { width: 13.333, height: 7.5 };
const MARGIN = 0.5;
const WIDTH = SLIDE.width - 2 * MARGIN;
const INK = pptxColour(PALETTE.ink);
const MUTED = pptxColour(PALETTE.axisLabel);
const PICTURE = { y: 1.35, height: 5.45 };
/** A native chart leaves room under it for its note. */
const NATIVE = { y: PICTURE.y, h: 4.75 };
const NATIVE_NOTE = { y: 6.15, h: 0.75 };
/** One line of a data slide (a caption, a table row), in inches, and where the tables start. */
const LINE = 0.2;
const TABLES_TOP = 1.05;
const TABLE_LINES = Math.floor((SLIDE.height - TABLES_TOP - 0.3) / LINE);

/** The picture as large as the area allows at its own aspect ratio, centred. */
function fitPicture({ width, height }: Size) {
  const w = Math.min(WIDTH, (PICTURE.height * width) / height);
  const h = (w * height) / width;
  return { x: MARGIN + (WIDTH - w) / 2, y: PICTURE.y, w, h };
}

/** The pack's title slide (issue 17): the dashboard's answer in words under its filters, and when it was made. */
export interface PackCover {
  title: string;
  /** The filters, as a chart's subtitle names them. */
  subtitle: string;
  sentences: readonly string[];
  /** The data's as-of, as a memo prints it ("2026-11-30 14:05 UTC"), when known. */
  asOf: string | null;
  /** The firm's name and logo, when an admin has set them. */
  firm?: FirmMark | null;
}

/** The logo's box at the slide's top right: at most LOGO's size, at the logo's own aspect ratio. */
const LOGO = { width: 2.2, height: 0.75, y: 0.3 };

function addLogo(slide: PptxGenJS.Slide, logo: NonNullable<FirmMark['logo']>): number {
  const scale = Math.min(LOGO.width / logo.width, LOGO.height / logo.height);
  const [w, h] = [logo.width * scale, logo.height * scale];
  slide.addImage({ data: logo.dataUrl.replace(/^data:/, ''), x: MARGIN + WIDTH - w, y: LOGO.y, w, h, altText: 'Logo' });
  return w;
}

function addTitleSlide(pptx: PptxGenJS, cover: PackCover, exported: string) {
  const slide = pptx.addSlide();
  const logoWidth = cover.firm?.logo ? addLogo(slide, cover.firm.logo) + 0.3 : 0;
  const text = { x: MARGIN, w: WIDTH, fontFace: FONT, margin: 0 };
  if (cover.firm?.name)
    slide.addText(cover.firm.name, { ...text, w: WIDTH - logoWidth, y: 0.3, h: 0.3, fontSize: 12, bold: true, color: MUTED });
  slide.addText(cover.title, {
    ...text,
    w: WIDTH - logoWidth,
    y: 0.6,
    h: 0.8,
    fontSize: 32,
    bold: true,
    color: INK,
    valign: 'top',
  });
  slide.addText(cover.subtitle, { ...text, y: 1.4, h: 0.4, fontSize: 14, color: MUTED, valign: 'top' });
  slide.addText(
    cover.sentences.map((sentence) => ({ text: sentence, options: { bullet: true, breakLine: true } })),
    { ...text, y: 2.1, h: 4.6, fontSize: 16, color: INK, valign: 'top', paraSpaceAfter: 10 },
  );
  const made = [SOURCE_LINE, `exported ${exported}`, cover.asOf && `data as of ${cover.asOf}`].filter(Boolean).join(' · ');
  slide.addText(made, { ...text, y: 6.95, h: 0.35, fontSize: 10, color: MUTED, valign: 'top' });
}

async function addChartSlide(pptx: PptxGenJS, chart: PackChart, drawing: PackDrawing) {
  const slide = pptx.addSlide();
  const text = { x: MARGIN, w: WIDTH, fontFace: FONT, margin: 0 };
  slide.addText(chart.title, { ...text, y: 0.3, h: 0.6, fontSize: 24, bold: true, color: INK, valign: 'top' });
  slide.addText(chart.subtitle, { ...text, y: 0.9, h: 0.35, fontSize: 13, color: MUTED, valign: 'top' });
  if (drawing === 'editable' && chart.native) {
    addNativeChart(slide, chart.native, { x: MARGIN, w: WIDTH, ...NATIVE }, chart.title);
    const note = chart.native.note ?? chart.note;
    if (note) slide.addText(note, { ...text, ...NATIVE_NOTE, fontSize: 10, color: MUTED, valign: 'top', fit: 'shrink' });
  } else {
    const image = await chart.image();
    slide.addImage({ data: `image/png;base64,${toBase64(image.png)}`, ...fitPicture(image.size), altText: chart.title });
  }
  slide.addText(chart.footer, { ...text, y: 6.95, h: 0.35, fontSize: 10, color: MUTED, valign: 'top' });
}

const isNumberColumn = (chart: PackChart, column: number) =>
  !['text', 'year'].includes(chart.table.columns[column]?.kind ?? 'text');

function tableRows(chart: PackChart, { from, to }: TableSegment): PptxGenJS.TableRow[] {
  const header = chart.table.columns.map((column, i) => ({
    text: displayHeader(column, 'slide'),
    options: {
      bold: true,
      fill: { color: pptxColour(PALETTE.placeholder) },
      align: isNumberColumn(chart, i) ? ('right' as const) : ('left' as const),
    },
  }));
  const rows = chart.table.rows.slice(from, to).map((row) =>
    row.map((cell, i) => ({
      text: String(displayCell(cell, chart.table.columns[i]?.kind ?? 'text', 'slide')),
      options: { align: isNumberColumn(chart, i) ? ('right' as const) : ('left' as const) },
    })),
  );
  return [header, ...rows];
}

function addDataSlide(pptx: PptxGenJS, charts: readonly PackChart[], page: TableSegment[], continued: boolean) {
  const slide = pptx.addSlide();
  slide.addText(`Data behind the charts${continued ? ' (continued)' : ''}`, {
    x: MARGIN,
    y: 0.3,
    w: WIDTH,
    h: 0.5,
    fontFace: FONT,
    fontSize: 20,
    bold: true,
    color: INK,
    margin: 0,
  });
  let y = TABLES_TOP;
  for (const segment of page) {
    const chart = charts[segment.table]!;
    const caption = `${chart.title}${segment.continued ? ' (continued)' : ''} · ${chart.coverages.map(coverageText).join(', ')}`;
    slide.addText(caption, { x: MARGIN, y, w: WIDTH, h: LINE, fontFace: FONT, fontSize: 9, bold: true, color: INK, margin: 0 });
    const rows = tableRows(chart, segment);
    slide.addTable(rows, {
      x: MARGIN,
      y: y + LINE,
      w: WIDTH,
      rowH: LINE,
      fontFace: FONT,
      fontSize: 8,
      color: INK,
      margin: 0.03,
      border: { type: 'solid', pt: 0.5, color: pptxColour(PALETTE.rule) },
    });
    y += LINE * (1 + rows.length + 1);
  }
}

/**
 * The memo pack as a PowerPoint file: a title slide when a cover is given, one 16:9 slide per chart (title,
 * filters, the chart, the source line), then the data tables, as many slides as they need (one for a few
 * charts), in the charts' order. With `drawing` "editable" a chart that has a native description is PowerPoint's
 * own chart, its note under it; every other chart, and every chart with "pictures", is its picture.
 */
export async function memoPptx(
  charts: readonly PackChart[],
  { title, cover, drawing }: { title: string; cover?: PackCover & { exported: string }; drawing: PackDrawing },
): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = title;
  pptx.company = cover?.firm?.name ?? 'Stacklens';
  if (cover) addTitleSlide(pptx, cover, cover.exported);
  for (const chart of charts) await addChartSlide(pptx, chart, drawing);
  paginateTables(
    charts.map((c) => c.table.rows.length),
    TABLE_LINES,
  ).forEach((page, i) => addDataSlide(pptx, charts, page, i > 0));
  return (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
}
