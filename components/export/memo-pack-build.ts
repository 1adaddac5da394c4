import type { ChartDocuments } from '@/lib/export/chart-documents';
import { exportFileName, packFileName } from '@/lib/export/file-name';
import { DEFAULT_PNG_SCALE, MEMO_SIZE, pngPixels } from '@/lib/export/memo-size';
import { isoDate } from '@/lib/export/memo-text';
import type { PackChart, PackCover, PackDrawing } from '@/lib/export/pptx';
import type { PackFile } from '@/lib/export/zip';
import type { ExportableChart } from './chart-export-registry';
import { renderPng } from './render-png';
import { saveFile } from './save-file';

/**
 * Makes a memo pack: loaded only when one is asked for (memo-pack.tsx imports this module at the click), and it
 * loads pptxgenjs or fflate in turn only for the file it makes.
 */

const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

export type Pack = 'pptx' | 'zip';

const pngBytes = async (svg: string, size: { width: number; height: number }) =>
  new Uint8Array(await (await renderPng(svg, pngPixels(size, DEFAULT_PNG_SCALE))).arrayBuffer());

/**
 * The title slide when there is a cover, one slide per chart (PowerPoint's own chart or its picture, title and source
 * line as slide text), then the data tables.
 */
async function pptxOf(
  drawn: readonly ChartDocuments[],
  year: number,
  cover: (PackCover & { exported: string }) | undefined,
  drawing: PackDrawing,
): Promise<Uint8Array> {
  const { memoPptx } = await import('@/lib/export/pptx');
  // A chart's picture is rasterised only if its slide shows it (not for one PowerPoint draws itself).
  const charts: PackChart[] = drawn.map(({ content, footer, slide }) => ({
    ...content,
    footer,
    image: async () => ({ png: await pngBytes(slide.svg, slide.size), size: slide.size }),
  }));
  return memoPptx(charts, { title: `Stacklens memo pack, ${year}`, cover, drawing });
}

/** Each chart's PNG, SVG and CSV under its own file names. */
async function zipOf(drawn: readonly { chart: ExportableChart; documents: ChartDocuments }[]): Promise<Uint8Array> {
  const { zipFiles } = await import('@/lib/export/zip');
  const files: PackFile[] = [];
  for (const { chart, documents } of drawn)
    files.push(
      { name: exportFileName(chart.name, { png: DEFAULT_PNG_SCALE }), data: await pngBytes(documents.memoSvg, MEMO_SIZE) },
      { name: exportFileName(chart.name, 'svg'), data: documents.memoSvg },
      { name: exportFileName(chart.name, 'csv'), data: documents.csv },
    );
  return zipFiles(files);
}

/**
 * Draws each selected chart (each draws itself on its own off-screen stage), makes the pack and hands it to the
 * browser's downloads; `progress` hears what is being done; `drawing` is how a PPTX draws the charts PowerPoint can
 * draw itself. Returns the file's name.
 */
export async function buildMemoPack(
  pack: Pack,
  selected: readonly ExportableChart[],
  filters: { year: number; basis: 'calendar' | 'fiscal'; list?: string },
  progress: (text: string) => void,
  cover?: PackCover,
  drawing: PackDrawing = 'editable',
): Promise<string> {
  const exported = isoDate(new Date());
  const drawn = [];
  for (const [i, chart] of selected.entries()) {
    progress(`Drawing ${i + 1} of ${selected.length}: ${chart.title}…`);
    drawn.push({ chart, documents: await chart.documents() });
  }
  progress(`Making the ${pack.toUpperCase()}…`);
  const file = packFileName(filters, pack);
  if (pack === 'pptx')
    saveFile(
      file,
      await pptxOf(
        drawn.map((d) => d.documents),
        filters.year,
        cover && { ...cover, exported },
        drawing,
      ),
      PPTX_TYPE,
    );
  else saveFile(file, await zipOf(drawn), 'application/zip');
  return file;
}
