import type { ChartDocuments } from '@/lib/export/chart-documents';
import { exportFileName, type ExportName } from '@/lib/export/file-name';
import { DEFAULT_PNG_SCALE, MEMO_SIZE, pngPixels, type PngScale } from '@/lib/export/memo-size';
import { renderPng } from './render-png';
import { saveFile } from './save-file';

/**
 * What a chart's export menu does, loaded only when an export starts (export-menu.tsx imports this module at the
 * click): the memo's SVG composer, the PNG renderer and the CSV writer stay out of the page's first load.
 */

/** Copy image is run by the menu itself (it must reach the clipboard within the click), with memoPng below. */
export type ExportAction = 'png' | 'png-large' | 'svg' | 'csv' | 'copy';

export interface ExportTarget {
  name: ExportName;
  documents: () => Promise<ChartDocuments>;
  /** The chart's CSV, with its footer. */
  csv: () => Promise<string>;
}

/** The chart's memo as a PNG at `scale`. */
export async function memoPng(documents: ExportTarget['documents'], scale: PngScale): Promise<Blob> {
  const { memoSvg } = await documents();
  return renderPng(memoSvg, pngPixels(MEMO_SIZE, scale));
}

/** Runs one export and says what it did, in words for the status line. */
export async function runExport(action: ExportAction, { name, documents, csv }: ExportTarget): Promise<string> {
  switch (action) {
    case 'png':
    case 'png-large': {
      const scale: PngScale = action === 'png' ? DEFAULT_PNG_SCALE : 4;
      saveFile(exportFileName(name, { png: scale }), await memoPng(documents, scale), 'image/png');
      return 'Downloaded the PNG';
    }
    case 'svg': {
      saveFile(exportFileName(name, 'svg'), (await documents()).memoSvg, 'image/svg+xml');
      return 'Downloaded the SVG';
    }
    case 'csv': {
      saveFile(exportFileName(name, 'csv'), await csv(), 'text/csv;charset=utf-8');
      return 'Downloaded the CSV';
    }
    case 'copy':
      throw new Error('Copy image is run by the export menu.');
  }
}
